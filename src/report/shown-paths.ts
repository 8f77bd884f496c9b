// Files as a person reading the summary knows them: a path in the repository's workspace (`clips/fox.mp4`), never
// the runner's absolute path (`/home/runner/work/site/site/clips/fox.mp4`), which means nothing off the runner and
// tells about the machine; and sizes in KB, MB and GB. The summary's whole text is scrubbed of the workspace and
// RUNNER_TEMP at the end, so a path inside an error message is shown the same way. Pure.
import path from 'node:path'
import { escapeHtml } from './html'

/** `clips/fox.mp4`: the file relative to the workspace, `/` separated; a file outside it by its name alone. */
export function workspacePath(file: string, workspace: string): string {
  const relative = path.relative(workspace, path.resolve(workspace, file))
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return path.basename(file)
  return relative.split(path.sep).join('/')
}

/**
 * `text` with every absolute path under the workspace made relative to it and every path under RUNNER_TEMP shown
 * as `$RUNNER_TEMP/…`, in plain and HTML-escaped spellings (a Windows path's `\` is escaped in the summary).
 */
export function scrubRunnerPaths(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let scrubbed = text
  const roots: [string | undefined, string][] = [
    [env.GITHUB_WORKSPACE, ''],
    [env.RUNNER_TEMP, '$RUNNER_TEMP/'],
  ]
  for (const [root, shown] of roots) {
    if (!root || !path.isAbsolute(root) || path.resolve(root) === path.parse(path.resolve(root)).root) continue
    const base = path.resolve(root)
    for (const spelling of new Set([base, base.split(path.sep).join('/'), escapeHtml(base)])) {
      for (const separator of ['/', '\\', '&#92;']) scrubbed = scrubbed.split(`${spelling}${separator}`).join(shown)
      scrubbed = scrubbed.split(spelling).join(shown === '' ? '.' : shown.slice(0, -1))
    }
  }
  return scrubbed
}

/** `812 bytes`, `7.9 KB`, `12.3 MB`, `1.20 GB` (1 KB = 1,024 bytes, as file managers on most systems count). */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(value >= 10 || unit < 2 ? 1 : 2)} ${units[unit]}`
}
