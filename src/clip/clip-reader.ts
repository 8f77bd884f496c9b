// Reads a clip's metadata in a worker thread under a hard memory limit and a time limit, so that a file built to
// exhaust the MP4 reader ends as a clean structural failure (`parses`) of that clip, never as the end of the step.
// The reader counts what it knows (./sample-tables.ts); this is for the bomb nobody has thought of yet: the
// worker's heap is capped (V8 stops the worker, not the process, when it is full), and a reading that goes on
// past READER_PARSE_MS once the library is loaded is stopped too. One clip is read at a time, each in a fresh
// worker, so the action's memory stays bounded (one reader's cap on top of the step's own) and one clip's bomb
// never touches another clip's reading.
// Where the worker's code is: in the bundle, dist/clip-reader/index.js beside the chunk this module is in (a
// build entry of its own: scripts/build.ts); from the sources (tests, local-action), ./clip-reader-worker.ts,
// run through tsx. Nothing here imports the reader itself: the MP4 library never loads in the step's thread.
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { codeOf, messageOf } from '../errors'
import type { ClipReading } from './clip-metadata'
import type { ReaderJob, ReaderMessage } from './clip-reader-worker'

/** The reader's heap (V8's old generation) in MiB: a real clip's movie header needs a few; a bomb fills it. */
export const READER_HEAP_MIB = 48
/** Longest a reading may take once the library is loaded: a real clip's takes milliseconds. */
export const READER_PARSE_MS = 2_000
/** Longest the worker may take to start and load the library (not the file's doing: a slow machine's). */
const READER_START_MS = 60_000
/** The worker's code in the bundle, relative to the folder of the chunk this module is in. */
const BUNDLED_WORKER = path.join('clip-reader', 'index.js')

let queue: Promise<unknown> = Promise.resolve()

/**
 * Reads `file`'s metadata and runs the structural checks (./clip-metadata.ts) in a worker under the limits above.
 * Never throws for what the file holds: a broken or hostile file is `{ ok: false }` naming the check it failed.
 * Throws when the file cannot be read at all, or the worker cannot run.
 */
export function readClip(file: string): Promise<ClipReading> {
  const reading = queue.then(() => readInWorker(file))
  queue = reading.catch(() => undefined)
  return reading
}

function readInWorker(file: string): Promise<ClipReading> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ file })
    let timer = setTimeout(() => end(new Error(`the MP4 reader did not start within ${READER_START_MS / 1000} s`)), READER_START_MS)
    let ended = false
    // The worker is stopped (its file handle closed with it) before the caller hears anything: it may move the file.
    const end = (outcome: ClipReading | Error) => {
      if (ended) return
      ended = true
      clearTimeout(timer)
      const settle = () => (outcome instanceof Error ? reject(outcome) : resolve(outcome))
      worker.terminate().then(settle, settle)
    }
    worker.on('message', (message: ReaderMessage) => {
      if (message.kind === 'ready') {
        clearTimeout(timer)
        timer = setTimeout(() => end(tooLong), READER_PARSE_MS)
      } else if (message.kind === 'reading') end(message.reading)
      else end(new Error(message.message))
    })
    worker.on('error', (error) =>
      end(codeOf(error) === 'ERR_WORKER_OUT_OF_MEMORY' ? tooBig : new Error(`the MP4 reader failed (${messageOf(error)})`)),
    )
    worker.on('exit', (code) => end(new Error(`the MP4 reader stopped (exit code ${code}) before it answered`)))
  })
}

const tooBig: ClipReading = {
  ok: false,
  check: 'parses',
  problem: `reading it took more than ${READER_HEAP_MIB} MiB of memory: not a clip this action reads`,
}
const tooLong: ClipReading = {
  ok: false,
  check: 'parses',
  problem: `reading it took more than ${READER_PARSE_MS / 1000} s: not a clip this action reads`,
}

/** A worker running the reader on `job`, with its heap capped. */
function startWorker(job: ReaderJob): Worker {
  const here = fileURLToPath(import.meta.url)
  const options = {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: READER_HEAP_MIB, maxYoungGenerationSizeMb: 4, stackSizeMb: 4 },
  }
  if (!here.endsWith('.ts')) return new Worker(path.join(path.dirname(here), BUNDLED_WORKER), options)
  // From the sources: the worker registers tsx's ESM hooks (found through tsx's own exports, from the sources'
  // folder, as the tests and local-action run), then loads the worker module.
  const source = path.join(path.dirname(here), 'clip-reader-worker.ts')
  const code = `void (async () => {
    const path = await import('node:path'); const { createRequire } = await import('node:module'); const { pathToFileURL } = await import('node:url')
    const find = createRequire(${JSON.stringify(source)}); const manifest = find.resolve('tsx/package.json')
    const api = path.join(path.dirname(manifest), find(manifest).exports['./esm/api'].import.default)
    ;(await import(pathToFileURL(api).href)).register()
    await import(${JSON.stringify(pathToFileURL(source).href)})
  })()`
  return new Worker(code, { ...options, eval: true })
}
