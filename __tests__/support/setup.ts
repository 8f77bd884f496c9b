// Runs in each test worker before every test file (vitest setupFiles): keeps `npm test` quiet and the system
// temp folder clean.
// - Unit tests that read inputs in-process call core.setSecret, which prints `::add-mask::<secret>` for the
//   runner; in a terminal it is only noise, so exactly those lines are dropped from this process's stdout.
// - Each test file gets its own temp folder (TMPDIR/TEMP/TMP, so os.tmpdir() points there), removed with
//   everything in it after the file; the harness's workspaces and runner temps go after each test. The
//   folder is a real path (no /var → /private/var symlink on macOS), so paths compare equal.
import { mkdtempSync, realpathSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, afterEach } from 'vitest'
import { removeHarnessFolders } from '../../simulator/actions-runner'

const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean
process.stdout.write = (chunk: unknown, ...rest: unknown[]) => {
  if (typeof chunk === 'string' && chunk.startsWith('::add-mask::')) return true
  return write(chunk, ...rest)
}

const saved = { TMPDIR: process.env.TMPDIR, TEMP: process.env.TEMP, TMP: process.env.TMP }
const sandbox = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'foxapi-test-')))
process.env.TMPDIR = process.env.TEMP = process.env.TMP = sandbox

afterEach(() => removeHarnessFolders())

afterAll(async () => {
  removeHarnessFolders()
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
  // fs.promises.rm waits between its retries (the synchronous one may not, on Windows), for a file a
  // virus scanner or a stopping child process still holds for a moment.
  await rm(sandbox, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch((error: unknown) => {
    process.stderr.write(`Could not remove the test temp folder ${sandbox}: ${String(error)}\n`)
  })
})
