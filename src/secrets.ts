// The API key is masked in the runner's log (core.setSecret) and scrubbed from every text this action
// writes itself (errors, summary, outputs, cache entries), so it cannot leak even where the runner's masking
// does not apply. Each secret is registered in the forms it can take inside the texts we write: raw,
// JSON-escaped (a key with `"` or `\` inside a JSON output) and URL-encoded.
import * as core from '@actions/core'

/** Every registered form, longest first (kept sorted here, not on every redact: redact runs for every log line). */
const secrets: string[] = []

/** Registers a secret (and its escaped forms) for masking by the runner and for {@link redact}. */
export function registerSecret(value: string): void {
  if (value === '') return
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)])
  for (const form of forms) {
    if (form === '' || secrets.includes(form)) continue
    core.setSecret(form)
    secrets.push(form)
  }
  secrets.sort((a, b) => b.length - a.length)
}

/** Replaces every registered secret in `text` with `***`. Longest first, so one form never leaves part of another. */
export function redact(text: string): string {
  let result = text
  for (const secret of secrets) result = result.split(secret).join('***')
  return result
}
