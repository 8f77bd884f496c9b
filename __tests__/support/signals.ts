// Sending a signal to the running action, as the runner does when a job is cancelled or a step times out.
import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const HOOK = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), 'emit-signal.mjs')).href

export interface SignalSender {
  /** Environment for startAction: empty for real signals, the hook's for emulated ones. */
  env: Record<string, string>
  send: (child: ChildProcess, signal: NodeJS.Signals) => void
}

/**
 * On POSIX the signal is a real one. Windows has no signals to send to one process (child.kill() ends it
 * outright, and the runner's Ctrl+C reaches the action as Node's SIGINT event), so there, and wherever
 * `emulate` asks for it, a hook loaded into the child (emit-signal.mjs) emits the event instead.
 */
export function signalSender(emulate = process.platform === 'win32'): SignalSender {
  if (!emulate) return { env: {}, send: (child, signal) => void child.kill(signal) }
  const folder = mkdtempSync(path.join(os.tmpdir(), 'foxapi-signals-'))
  let sent = 0
  return {
    env: { NODE_OPTIONS: `--import=${HOOK}`, FOXAPI_TEST_SIGNAL_DIR: folder },
    send: (_child, signal) => writeFileSync(path.join(folder, `${String(++sent).padStart(4, '0')}-${signal}`), ''),
  }
}
