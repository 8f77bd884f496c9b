// The API key is masked in the runner's log (core.setSecret) and scrubbed from every text this action
// writes itself (errors, summary, outputs), so it cannot leak even where the runner's masking does not apply.
import * as core from '@actions/core'

const secrets = new Set<string>()

export function registerSecret(value: string): void {
  if (value === '') return
  core.setSecret(value)
  secrets.add(value)
}

export function redact(text: string): string {
  let result = text
  for (const secret of secrets) result = result.split(secret).join('***')
  return result
}
