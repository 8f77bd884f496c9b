// Loaded into dist/index.js with NODE_OPTIONS=--import where a test cannot send the process a real signal
// (Windows: child.kill() ends it outright, and a console's Ctrl+C cannot be aimed at one process). When the
// file named by FOXAPI_TEST_SIGNAL_FILE appears, it emits the signal named in it as Node would deliver the
// runner's Ctrl+C (SIGINT) or Ctrl+Break (SIGBREAK): the action's own handlers then run as they would.
import { existsSync, readFileSync, rmSync } from 'node:fs'
import process from 'node:process'
import { setInterval } from 'node:timers'

const file = process.env.FOXAPI_TEST_SIGNAL_FILE ?? ''
const watcher = setInterval(() => {
  if (!existsSync(file)) return
  const signal = readFileSync(file, 'utf8').trim()
  rmSync(file, { force: true })
  process.emit(signal, signal)
}, 50)
watcher.unref()
