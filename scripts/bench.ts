// `npm run bench`: speed and memory figures. Printed, never asserted (timing belongs here, not in tests).
//  1. download: throughput and peak memory of a large clip streamed to disk (memory must not grow with size)
//  2. start-up: time for dist/index.js to start, read inputs and fail on a bad one (no network)
//  3. validation: requests validated per second
//  4. a whole run against the simulator: wall time beyond the task's own duration, and requests made
//  5. polling: fixed 5 s vs the adaptive schedule, replayed on a virtual clock (scripts/bench-polling.ts)
//  6. cache entry: reading a clip entry's archive member by member (tar-stream) against unpacking it with tar
//  7. clip metadata: time and peak memory reading a large clip's MP4 metadata, moov first and moov last
//  8. batch: the same batch with the cache on and off, in one run (wall time of each, their ratio, peak RSS)
//  9. upload: a workspace file streamed to a file API (hash check, multipart) in this process, 100 MiB and 1 GiB
//     (MiB/s, peak RSS: memory must not grow with the size); and a workspace video through dist/ to the simulator
// 10. hostile clips: dist/ against the simulator serving each MP4 bomb (simulator/hostile-clips.ts): the action's
//     peak RSS and the time from the clip's first download to the end of the step
// 11. a 300 MiB junk cache entry under a newer pending key: how soon it is refused, how much of it is sent
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { unpackEntry } from '../src/cache/entry-archive'
import { readClipMetadata } from '../src/clip/clip-metadata'
import { mp4Layout } from '../simulator/mp4-writer'
import { downloadVideo } from '../src/foxapi/download'
import { FileUploader } from '../src/foxapi/file-upload'
import { createHttpAgent } from '../src/foxapi/http'
import { readMediaFile } from '../src/media/media-files'
import { openVerifiedRead } from '../src/media/verified-read'
import { buildRequest } from '../src/models'
import { startActionsCacheService } from '../simulator/actions-cache-service'
import { DIST_ENTRY, NODE_BINARY, removeHarnessFolders, runAction, startAction } from '../simulator/actions-runner'
import { requestedShape, startFoxApiSimulator } from '../simulator/foxapi-simulator'
import { benchPolling } from './bench-polling'

const MiB = 1024 * 1024
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
const row = (name: string, value: string) => console.log(`${name.padEnd(44)} ${value}`)

async function benchDownload(sizeMiB: number): Promise<void> {
  const chunk = Buffer.alloc(MiB, 7)
  const first = Buffer.from(chunk)
  first.write('ftypisom', 4, 'latin1') // an MP4 signature: the download checks what the file starts with
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(sizeMiB * MiB) })
    let sent = 0
    const pump = () => {
      while (sent < sizeMiB) {
        sent++
        if (!res.write(sent === 1 ? first : chunk)) return void res.once('drain', pump)
      }
      res.end()
    }
    pump()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-bench-'))
  const agent = createHttpAgent(30_000)
  global.gc?.()
  const rssBefore = process.memoryUsage().rss
  let peak = rssBefore
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
  const started = performance.now()
  await downloadVideo({
    url: `http://127.0.0.1:${port}/clip.mp4`,
    destination: path.join(dir, 'clip.mp4'),
    agent,
    policy: { allowPlainHttp: true, allowInternal: true },
    maxBytes: 4 * 1024 * MiB,
    retry: { baseDelayMs: 100, maxDelayMs: 100, maxAttempts: 1 },
    deadline: Date.now() + 120_000,
    log: () => {},
  })
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  await agent.close()
  server.close()
  rmSync(dir, { recursive: true, force: true })
  row(
    `download ${sizeMiB} MiB (stream + sha256 + fsync)`,
    `${(sizeMiB / seconds).toFixed(0)} MiB/s, peak RSS +${((peak - rssBefore) / MiB).toFixed(1)} MiB`,
  )
}

/** Start-up of dist/index.js to its first answer (an input error, no network), against a bare `node -e ''` on the same Node. */
function benchStartup(runs: number): void {
  const time = (args: string[]) => {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      spawnSync(NODE_BINARY, args, {
        // SystemRoot: without it a process cannot start on Windows.
        env: { PATH: process.env.PATH ?? '', SystemRoot: process.env.SystemRoot ?? '', 'INPUT_API-KEY': 'sk-bench', INPUT_DURATION: '99' },
      })
      times.push(performance.now() - started)
    }
    return median(times)
  }
  const bare = time(['-e', ''])
  const action = time([DIST_ENTRY])
  row(
    `start-up to input error (median of ${runs})`,
    `${action.toFixed(0)} ms vs ${bare.toFixed(0)} ms for node -e '' (${(action / bare).toFixed(1)}×) on ${path.basename(path.dirname(path.dirname(NODE_BINARY)))} ${spawnSync(NODE_BINARY, ['--version']).stdout.toString().trim()}`,
  )
}

function benchValidation(iterations: number): void {
  const raw = {
    prompt: 'start on <<<image_1>>>, end on <<<image_2>>>, move like <<<video_1>>>',
    mode: 'pro',
    duration: '10',
    'image-list': '["https://cdn.example.com/a.png", {"image_url": "https://cdn.example.com/b.png", "type": "end_frame"}]',
    'video-list': '[{"video_url": "https://cdn.example.com/ref.mp4", "refer_type": "feature"}]',
    'multi-prompt': '[{"prompt": "wide", "duration": 4}, {"prompt": "close", "duration": 6}]',
  }
  const started = performance.now()
  for (let i = 0; i < iterations; i++) if (!buildRequest(raw).ok) throw new Error('bench request is invalid')
  const seconds = (performance.now() - started) / 1000
  row('validate a full request (JSON inputs)', `${Math.round(iterations / seconds).toLocaleString('en')} per second`)
}

async function benchWholeRun(taskMs: number): Promise<void> {
  const sim = await startFoxApiSimulator({ taskDurationMs: taskMs })
  const started = performance.now()
  const run = await runAction({
    inputs: { 'api-key': 'sk-test-valid-key', 'base-url': sim.url, prompt: 'bench', 'poll-interval': '250ms', cache: 'false' },
  })
  const ms = performance.now() - started
  await sim.close()
  removeHarnessFolders()
  if (run.exitCode !== 0) throw new Error(run.visibleLog)
  row(
    `whole run, ${taskMs} ms task, 250 ms polls`,
    `${ms.toFixed(0)} ms wall (${(ms - taskMs).toFixed(0)} ms beyond the task), ${sim.requests.length} requests`,
  )
}

/**
 * A clip entry of `sizeMiB` as @actions/cache makes one (GNU tar --posix, zstd), read the way the action reads
 * it (tar-stream into a private folder, zstd by zlib where Node has it, else zstd(1)) and unpacked with tar as
 * restoreCache would: wall time of each (median of `trials`), and this process's peak RSS while reading.
 */
function entryArchive(sizeMiB: number, dir: string): string {
  const entry = path.join(dir, 'ws', '.foxapi-video-cache', 'entry')
  mkdirSync(entry, { recursive: true })
  writeFileSync(path.join(entry, 'clip.mp4'), randomBytes(sizeMiB * MiB)) // a clip does not compress
  writeFileSync(path.join(entry, 'task.json'), '{}')
  writeFileSync(path.join(entry, 'meta.json'), '{}')
  const archive = path.join(dir, 'cache.tzst')
  const made = spawnSync('tar', [
    '--posix',
    '-cf',
    archive,
    '-C',
    path.join(dir, 'ws'),
    '--use-compress-program',
    'zstdmt',
    '.foxapi-video-cache/entry',
  ])
  if (made.status !== 0) throw new Error(`tar: ${made.stderr.toString()}`)
  return archive
}

async function benchEntryRead(sizeMiB: number, trials: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-bench-'))
  try {
    const archivePath = entryArchive(sizeMiB, dir)
    const allowed = new Map([
      ['clip.mp4', 4096 * MiB],
      ['task.json', 65_536],
      ['meta.json', 65_536],
    ])
    const read: number[] = []
    const tar: number[] = []
    global.gc?.()
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
    for (let i = 0; i < trials; i++) {
      const into = mkdtempSync(path.join(dir, 'read-'))
      let started = performance.now()
      await unpackEntry({ archivePath, compression: 'zstd' }, '.foxapi-video-cache/entry', into, allowed)
      read.push(performance.now() - started)
      const extracted = mkdtempSync(path.join(dir, 'tar-'))
      started = performance.now()
      spawnSync('tar', ['-xf', archivePath, '-P', '-C', extracted, '--use-compress-program', 'unzstd'])
      tar.push(performance.now() - started)
      rmSync(into, { recursive: true })
      rmSync(extracted, { recursive: true })
    }
    clearInterval(sampler)
    row(
      `cache entry of ${sizeMiB} MiB, read (${trials} trials)`,
      `tar-stream ${median(read).toFixed(0)} ms, tar -x ${median(tar).toFixed(0)} ms; RSS ${(before / MiB).toFixed(0)} → peak ${(peak / MiB).toFixed(0)} MiB`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Bytes this process has read through system calls so far (Linux), to show how little of the file is read. */
function bytesReadSoFar(): number | undefined {
  if (!existsSync('/proc/self/io')) return undefined
  const match = /^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))
  return match ? Number(match[1]) : undefined
}

/**
 * Reads the MP4 metadata of a `sizeMiB` clip (10 s, 1080p, with audio), made on the fly as a sparse file in a
 * temp folder (its samples are holes: nothing is written but the boxes), with the moov first or last.
 */
async function benchClipMetadata(sizeMiB: number, moovLast: boolean): Promise<void> {
  const frames = 10 * 24
  const layout = mp4Layout({
    width: 1920,
    height: 1080,
    seconds: 10,
    audio: true,
    moovLast,
    videoSampleBytes: Math.floor((sizeMiB * MiB) / frames),
  })
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-bench-'))
  const file = path.join(dir, 'clip.mp4')
  try {
    const fd = openSync(file, 'w')
    writeSync(fd, layout.head, 0, layout.head.length, 0)
    ftruncateSync(fd, layout.head.length + layout.payloadBytes)
    if (layout.tail.length > 0) writeSync(fd, layout.tail, 0, layout.tail.length, layout.head.length + layout.payloadBytes)
    closeSync(fd)
    await readClipMetadata(file) // loads the library once, outside the figures
    global.gc?.()
    const rssBefore = process.memoryUsage().rss
    let peak = rssBefore
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 1)
    const readBefore = bytesReadSoFar()
    const times: number[] = []
    for (let i = 0; i < 5; i++) {
      const started = performance.now()
      const reading = await readClipMetadata(file)
      times.push(performance.now() - started)
      peak = Math.max(peak, process.memoryUsage().rss)
      if (!reading.ok || reading.metadata.durationS !== 10) throw new Error(`bench clip misread: ${JSON.stringify(reading)}`)
    }
    clearInterval(sampler)
    const readAfter = bytesReadSoFar()
    const read =
      readBefore !== undefined && readAfter !== undefined ? `, ${((readAfter - readBefore) / 5 / MiB).toFixed(1)} MiB read per pass` : ''
    row(
      `clip metadata, ${sizeMiB} MiB clip, moov ${moovLast ? 'last' : 'first'}`,
      `${median(times).toFixed(1)} ms (median of 5), peak RSS +${((peak - rssBefore) / MiB).toFixed(1)} MiB${read}`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** A batch as the issue measured it: this many clips of this size, tasks of this length, `concurrency` at a time. */
interface BatchShape {
  clips: number
  concurrency: number
  taskMs: number
  clipMiB: number
}

/** Highest resident memory the process has had (VmHWM), in bytes; undefined where /proc is not there. */
function peakRss(pid: number | undefined): number | undefined {
  try {
    const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kib === undefined ? undefined : Number(kib) * 1024
  } catch {
    return undefined
  }
}

/** One run of the batch through dist/index.js against the simulator; the cache service only with `cache`. */
async function timeBatch(shape: BatchShape, cache: boolean, clip: Buffer): Promise<{ ms: number; peak: number | undefined }> {
  const sim = await startFoxApiSimulator({ taskDurationMs: shape.taskMs, clip })
  const service = cache ? await startActionsCacheService() : undefined
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-bench-batch-'))
  // Fresh prompts each run: every clip is a cache miss, so the cache-on run saves every clip (the costly case).
  const tag = randomBytes(4).toString('hex')
  const entries = Array.from({ length: shape.clips }, (_, i) => `- name: clip-${i + 1}\n  prompt: bench ${tag} clip ${i + 1}\n`)
  writeFileSync(path.join(workspace, 'clips.yml'), entries.join(''))
  const started = performance.now()
  const action = startAction({
    inputs: {
      'api-key': 'sk-test-valid-key',
      'base-url': sim.url,
      batch: 'clips.yml',
      concurrency: String(shape.concurrency),
      cache: String(cache),
      'poll-interval': '500ms',
      timeout: '10m',
      'max-download-size': `${shape.clipMiB + 1}MiB`,
    },
    workspace,
    env: service?.env ?? {},
  })
  let peak: number | undefined
  const sampler = setInterval(() => (peak = Math.max(peak ?? 0, peakRss(action.child.pid) ?? 0) || undefined), 50)
  const run = await action.done
  clearInterval(sampler)
  const ms = performance.now() - started
  await Promise.all([sim.close(), service?.close()])
  rmSync(workspace, { recursive: true, force: true })
  removeHarnessFolders()
  if (run.exitCode !== 0) throw new Error(`batch with cache ${cache} failed:\n${run.visibleLog.slice(-4000)}`)
  if (cache && !run.stdout.includes('Saved to the Actions cache as')) throw new Error('the cache-on batch saved nothing')
  return { ms, peak }
}

async function benchBatch(shape: BatchShape): Promise<void> {
  // A real MP4 of the shape the batch asks for (16:9, 5 s: it passes verify), its samples random bytes: a real
  // clip does not compress, so zstd does its full work.
  const seconds = 5
  const layout = mp4Layout({
    ...requestedShape({}),
    seconds,
    videoSampleBytes: Math.max(48, Math.floor((shape.clipMiB * MiB) / (seconds * 24))),
  })
  const clip = Buffer.concat([layout.head, randomBytes(layout.payloadBytes), layout.tail])
  const off = await timeBatch(shape, false, clip)
  const on = await timeBatch(shape, true, clip)
  const mib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / MiB).toFixed(0)} MiB`)
  row(
    `batch ${shape.clips} clips × ${shape.clipMiB} MiB, ${shape.taskMs / 1000} s tasks, concurrency ${shape.concurrency}`,
    `cache off ${(off.ms / 1000).toFixed(1)} s, cache on ${(on.ms / 1000).toFixed(1)} s (${(on.ms / off.ms).toFixed(2)}×); ` +
      `peak RSS off ${mib(off.peak)}, on ${mib(on.peak)}`,
  )
}

/**
 * A `sizeMiB` workspace file (sparse, MP4-signed) checked and hashed as the inputs are, then uploaded with the
 * action's FileUploader (undici's FormData, the verified stream) to a local server that only counts what it gets:
 * the throughput of the upload and this process's peak RSS above where it started.
 */
async function benchUploadStream(sizeMiB: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'foxapi-bench-'))
  const fd = openSync(path.join(dir, 'video.mp4'), 'w')
  writeSync(fd, Buffer.from('\0\0\0\x18ftypisom', 'latin1'))
  ftruncateSync(fd, sizeMiB * MiB)
  closeSync(fd)
  let received = 0
  const server = createServer((req, res) => {
    req.on('data', (chunk: Buffer) => (received += chunk.length))
    req.on('end', () => res.end(JSON.stringify({ id: 'file-1', url: 'https://cdn.example.com/uploads/video.mp4' })))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const agent = createHttpAgent(30_000)
  try {
    const checked = readMediaFile('video.mp4', dir)
    if (!checked.ok) throw new Error(checked.problem)
    const uploader = new FileUploader({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      apiKey: 'sk-bench',
      agent,
      retry: { baseDelayMs: 100, maxDelayMs: 100, maxAttempts: 1 },
    })
    global.gc?.()
    const rssBefore = process.memoryUsage().rss
    let peak = rssBefore
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5)
    const started = performance.now()
    const { file } = checked
    await uploader.upload(
      { open: () => openVerifiedRead(file, dir), bytes: file.bytes, fileName: 'video.mp4', mime: file.type.mime, autoCleanup: true },
      { deadline: Date.now() + 300_000 },
    )
    const seconds = (performance.now() - started) / 1000
    clearInterval(sampler)
    if (received < sizeMiB * MiB) throw new Error(`the server got ${received} bytes`)
    row(
      `upload ${sizeMiB} MiB (hash check + multipart)`,
      `${(sizeMiB / seconds).toFixed(0)} MiB/s, peak RSS +${((peak - rssBefore) / MiB).toFixed(1)} MiB`,
    )
  } finally {
    await agent.close()
    server.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * A workspace video of `sizeMiB` (a real MP4 whose samples are a sparse file's holes) uploaded by dist/index.js to the
 * simulator's file API before its task is created (`wait: false`): the upload's throughput as the simulator received
 * it, and the action's peak RSS (VmHWM) against the same step with a URL instead of a file.
 */
async function benchUpload(sizeMiB: number): Promise<void> {
  const seconds = 10
  const layout = mp4Layout({ width: 1280, height: 720, seconds, videoSampleBytes: Math.floor((sizeMiB * MiB) / (seconds * 24)) })
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'foxapi-bench-upload-'))
  const file = path.join(workspace, 'assets/reference.mp4')
  mkdirSync(path.dirname(file))
  const fd = openSync(file, 'w')
  writeSync(fd, layout.head, 0, layout.head.length, 0)
  ftruncateSync(fd, layout.head.length + layout.payloadBytes)
  closeSync(fd)
  const sim = await startFoxApiSimulator({ taskDurationMs: 1_000, uploadQuotaBytes: 2 * sizeMiB * MiB })
  const step = async (video: string) => {
    const action = startAction({
      inputs: {
        'api-key': 'sk-test-valid-key',
        'base-url': sim.url,
        model: 'kling-o3-video-to-video-edit',
        prompt: 'bench: make @Video1 snowy',
        'video-url': video,
        wait: 'false',
        cache: 'false',
      },
      workspace,
    })
    let peak: number | undefined
    const sampler = setInterval(() => (peak = Math.max(peak ?? 0, peakRss(action.child.pid) ?? 0) || undefined), 20)
    const run = await action.done
    clearInterval(sampler)
    if (run.exitCode !== 0) throw new Error(`upload bench failed:\n${run.visibleLog.slice(-3000)}`)
    return { peak }
  }
  try {
    const withUrl = await step('https://cdn.example.com/reference.mp4')
    const withFile = await step('assets/reference.mp4')
    const upload = sim.uploads.received[0]
    if (!upload || upload.bytes.length !== layout.head.length + layout.payloadBytes)
      throw new Error('the bench video was not uploaded whole')
    const receiving = (upload.receivedAt - upload.startedAt) / 1000
    const mib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / MiB).toFixed(0)} MiB`)
    // The step's own time also counts the simulator parsing the multipart body (in this process): not shown.
    row(
      `upload a ${sizeMiB} MiB workspace video (dist/)`,
      `${(sizeMiB / receiving).toFixed(0)} MiB/s sent (${receiving.toFixed(1)} s); peak RSS ${mib(withFile.peak)} (the same step with a URL: ${mib(withUrl.peak)})`,
    )
  } finally {
    await sim.close()
    rmSync(workspace, { recursive: true, force: true })
    removeHarnessFolders()
  }
}

/**
 * Each MP4 bomb served to dist/ as the clip (twice: a broken clip is downloaded again once), with verify: off (the
 * checks run anyway): how long from the clip's first download to the end of the step, and the action's peak RSS.
 * The goals: under 5 s and under 256 MiB.
 */
async function benchHostileClips(): Promise<void> {
  const bombs = [
    ['samples', 'stsz declaring 4 billion samples'],
    ['fragments', 'trun declaring 4 billion samples'],
    ['compact', 'stz2 of 12 million 4-bit sizes'],
    ['padding', 'padb of 14 million entries (memory limit)'],
  ] as const
  for (const [how, label] of bombs) {
    const sim = await startFoxApiSimulator({
      taskDurationMs: 200,
      faults: [{ route: 'download', times: 2, kind: { type: 'brokenClip', how } }],
    })
    const action = startAction({
      inputs: {
        'api-key': 'sk-test-valid-key',
        'base-url': sim.url,
        prompt: 'bench',
        'poll-interval': '100ms',
        cache: 'false',
        verify: 'off',
      },
    })
    let peak: number | undefined
    const sampler = setInterval(() => (peak = Math.max(peak ?? 0, peakRss(action.child.pid) ?? 0) || undefined), 20)
    const run = await action.done
    const ended = Date.now()
    clearInterval(sampler)
    const firstDownload = sim.requests.find((r) => r.method === 'GET' && r.path.startsWith('/files/'))?.at
    await sim.close()
    removeHarnessFolders()
    if (run.exitCode !== 1 || !run.stdout.includes("structural check 'parses'"))
      throw new Error(`bomb ${how}:\n${run.visibleLog.slice(-3000)}`)
    const seconds = firstDownload === undefined ? 'n/a' : `${((ended - firstDownload) / 1000).toFixed(2)} s`
    row(
      `hostile clip: ${label}`,
      `clip ended ${seconds} after its first download; peak RSS ${peak === undefined ? 'n/a' : `${(peak / MiB).toFixed(0)} MiB`}`,
    )
  }
}

/**
 * A 300 MiB junk entry planted as the newest pending entry of a request (announced honestly, then not at all):
 * the time from its lookup to the next request the run makes (the refusal), the bytes of it sent, peak RSS.
 */
async function benchJunkEntry(): Promise<void> {
  for (const announce of ['honest', 'none'] as const) {
    const sim = await startFoxApiSimulator({ taskDurationMs: 200 })
    const service = await startActionsCacheService()
    const inputs = { 'api-key': 'sk-test-valid-key', 'base-url': sim.url, prompt: `bench junk ${announce}`, 'poll-interval': '100ms' }
    const first = await runAction({ inputs: { ...inputs, wait: 'false' }, env: service.env })
    const pending = service.entries.find((e) => e.key.includes('-pending-'))
    if (first.exitCode !== 0 || !pending) throw new Error(`junk entry bench: the first run saved no pending entry\n${first.visibleLog}`)
    const key = `${pending.key.replace(/-pending-.*$/, '')}-pending-${Date.now() + 1}-ffffffff`
    service.plantStream(key, pending.version, { bytes: 300 * MiB, announce })
    const sentBefore = service.bytesServed
    const lookupAt = service.requests.length
    const action = startAction({ inputs, env: service.env })
    let peak: number | undefined
    const sampler = setInterval(() => (peak = Math.max(peak ?? 0, peakRss(action.child.pid) ?? 0) || undefined), 20)
    const run = await action.done
    clearInterval(sampler)
    const blob = service.requests.slice(lookupAt).find((r) => r.path.startsWith('/actionscache/'))
    const after = [...sim.requests.map((r) => r.at), ...service.requests.slice(lookupAt).map((r) => r.at)]
      .filter((at) => blob !== undefined && at > blob.at)
      .sort((a, b) => a - b)[0]
    await Promise.all([sim.close(), service.close()])
    removeHarnessFolders()
    if (run.exitCode !== 0 || !run.stdout.includes(`Cache entry ${key} refused`)) throw new Error(`junk entry bench:\n${run.visibleLog}`)
    const ms = blob && after ? `${after - blob.at} ms` : 'n/a'
    row(
      `300 MiB junk pending entry, size ${announce === 'honest' ? 'announced' : 'not announced'}`,
      `refused ${ms} after its first blob request, ${((service.bytesServed - sentBefore) / 1024).toFixed(0)} KiB of it sent; peak RSS ${peak === undefined ? 'n/a' : `${(peak / MiB).toFixed(0)} MiB`}`,
    )
  }
}

/** `--batch-clips=20` and the like: a number from the command line, or the default. */
function option(name: string, fallback: number): number {
  const given = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1]
  const n = Number(given)
  return given !== undefined && Number.isFinite(n) && n > 0 ? n : fallback
}

console.log(`node ${process.version} (bench), action on ${NODE_BINARY}\n`)
// `npm run bench -- polling` runs only the polling comparison (no network, no disk, a second or so);
// `npm run bench -- bombs` only the hostile clips (the MP4 bombs against dist/, a few seconds each);
// `npm run bench -- junk` only the 300 MiB junk cache entry;
// `npm run bench -- entry` only the cache entry row; `npm run bench -- metadata` only the clip metadata rows;
// `npm run bench -- batch` only the batch row: the issue's batch (100 clips of 4 MiB, 3 s tasks, concurrency 10,
// about 90 s), or a smaller one with `batch-quick` (20 clips of 1 MiB, 1 s tasks, concurrency 5) or with
// `--batch-clips=`, `--batch-concurrency=`, `--batch-task-ms=`, `--batch-clip-mib=`. `npm run bench -- upload` runs only
// the upload rows (a 100 MiB and a 180 MiB workspace video).
const only =
  ['polling', 'entry', 'metadata', 'upload', 'bombs', 'junk'].find((name) => process.argv.includes(name)) ??
  (process.argv.some((a) => a.startsWith('batch')) ? 'batch' : undefined)
const quick = process.argv.includes('batch-quick')
const batchShape: BatchShape = {
  clips: option('batch-clips', quick ? 20 : 100),
  concurrency: option('batch-concurrency', quick ? 5 : 10),
  taskMs: option('batch-task-ms', quick ? 1_000 : 3_000),
  clipMiB: option('batch-clip-mib', quick ? 1 : 4),
}
if (only === 'entry') await benchEntryRead(64, 5)
if (only === undefined || only === 'metadata') for (const moovLast of [false, true]) await benchClipMetadata(500, moovLast)
if (only === undefined) {
  await benchDownload(64)
  await benchDownload(512)
  benchStartup(15)
  benchValidation(20_000)
  await benchWholeRun(2_000)
  await benchEntryRead(64, 5)
}
if (only === undefined || only === 'bombs') await benchHostileClips()
if (only === undefined || only === 'junk') await benchJunkEntry()
if (only === undefined || only === 'upload') {
  for (const sizeMiB of [100, 1024]) await benchUploadStream(sizeMiB)
  for (const sizeMiB of [100, 180]) await benchUpload(sizeMiB)
}
if (only === undefined || only === 'batch') await benchBatch(batchShape)
if (only === undefined || only === 'polling') benchPolling(30_000, 500)
