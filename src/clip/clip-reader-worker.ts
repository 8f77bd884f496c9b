// The worker thread that reads one clip's metadata (./clip-metadata.ts) for ./clip-reader.ts, which starts it with
// the file in its workerData and a hard memory limit. It is its own entry of the build (dist/clip-reader/index.js,
// see scripts/build.ts), so the worker loads the MP4 library and the reader only, never the action.
// It says when the library is loaded (the reader's time limit starts then), then sends the reading, or why the
// file could not be read at all. It never decides anything: the parent does, also when this thread is stopped.
import { parentPort, workerData } from 'node:worker_threads'
import { messageOf } from '../errors'
import { loadLibrary, readClipMetadata, type ClipReading } from './clip-metadata'

/** What the worker sends its parent: ready (the library is loaded), the reading, or why the file could not be read. */
export type ReaderMessage = { kind: 'ready' } | { kind: 'reading'; reading: ClipReading } | { kind: 'unreadable'; message: string }

/** What the parent gives the worker (its workerData). */
export interface ReaderJob {
  file: string
}

async function serve(): Promise<void> {
  const port = parentPort
  if (!port) return
  const { file } = workerData as ReaderJob
  await loadLibrary()
  port.postMessage({ kind: 'ready' } satisfies ReaderMessage)
  let message: ReaderMessage
  try {
    message = { kind: 'reading', reading: await readClipMetadata(file) }
  } catch (error) {
    message = { kind: 'unreadable', message: messageOf(error) }
  }
  port.postMessage(message)
}

void serve()
