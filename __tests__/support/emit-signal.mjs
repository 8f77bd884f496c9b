// Loaded into dist/index.js with NODE_OPTIONS=--import where a test cannot send the process a real signal
// (Windows: child.kill() ends it outright, and a console's Ctrl+C cannot be aimed at one process). Each file
// that appears in the folder named by FOXAPI_TEST_SIGNAL_DIR, `<sequence>-<signal>`, is removed and its signal
// emitted, in order, as Node delivers the runner's Ctrl+C (SIGINT) or Ctrl+Break (SIGBREAK): the action's own
// handlers then run as they would. The name carries the signal, so a file is never read half written.
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { setInterval } from 'node:timers'

const folder = process.env.FOXAPI_TEST_SIGNAL_DIR ?? ''
const watcher = setInterval(() => {
  for (const name of readdirSync(folder).sort()) {
    try {
      rmSync(path.join(folder, name), { force: true })
    } catch {
      continue // still being written (Windows): taken on the next round
    }
    const signal = name.slice(name.indexOf('-') + 1)
    process.emit(signal, signal)
  }
}, 50)
watcher.unref()
