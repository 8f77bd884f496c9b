// `npm run simulator [-- options]`: the FoxAPI simulator on 127.0.0.1, for trying the action by hand
// (`npm run local-action`, or `INPUT_API-KEY=sk-test-valid-key INPUT_BASE-URL=<url> INPUT_PROMPT=hi node dist/index.js`).
// `npm run simulator -- --help` lists the options.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { DEFAULT_API_KEYS, startFoxApiSimulator, type Fault, type FaultKind, type Route } from '../simulator/foxapi-simulator'

const HELP = `Usage: npm run simulator -- [options]

Starts the FoxAPI simulator on 127.0.0.1 and prints its base URL (use it as base-url; plain http is
allowed for loopback addresses). It accepts the API key ${DEFAULT_API_KEYS[0]}.

Options:
  --port <n>            port to listen on (default: a free one; the URL is printed either way)
  --task-seconds <s>    how long a task takes from creation to completed (default 10)
  --cancel-route        serve POST /v1/tasks/{id}/cancel (FoxAPI documents none, so by default it answers 404)
  --reply <full|lean>   task replies with task_info and usage (full, default) or the newer lean shape
  --key <key>           accept another API key as well (repeatable)
  --broke-key <key>     a valid key whose balance is too low: creates answer 402 (repeatable)
  --upload-quota <MiB>  the account's file storage for uploads (default 256): full, it deletes the oldest
                        upload (auto_cleanup true) or answers 403 (auto_cleanup false)
  --fault <spec>        inject a fault (repeatable), <route>:<kind>[:<value>][x<times>], routes create, poll,
                        cancel, download, upload (the three file upload routes); kinds:
                          status:<code>      answer with this HTTP status and FoxAPI's error body
                          reset              drop the connection before answering
                          reset-after        create the task, then drop the connection (create only)
                          delay:<ms>         hold the response headers back
                          truncate:<bytes>   send only this many bytes of the clip, then drop (download)
                          stall:<bytes>      send this many bytes, then hang (download)
                          redirect           redirect to the same path on another host
                          cut-short          a whole answer whose MP4 is cut short (download)
                          garbage            an MP4 header followed by garbage (download)
                          sample-bomb        a sample table declaring 4 billion samples (download)
                          fragment-bomb      a movie fragment (trun) declaring 4 billion samples (download)
                          stz2-bomb          a compact sample table of 12 million 4-bit sizes (download)
                          padding-bomb       a padb box of 31 million entries, no sample count (download)
                          landscape          a 1280x720 clip whatever the request asked (download)
                          seconds:<s>        a clip this many seconds long whatever was asked (download)
                          c2pa               a clip that carries content credentials (a C2PA manifest box)
                        e.g. --fault create:status:503x2 --fault download:truncate:1000 --fault upload:status:429
  -h, --help            show this help
`

/** `<route>:<kind>[:<value>][x<times>]` → a simulator fault; throws with the reason for a bad spec. */
export function parseFault(spec: string): Fault {
  const match = /^(create|poll|cancel|download|upload):([a-z-]+)(?::(\d+))?(?:x(\d+))?$/.exec(spec)
  if (!match) throw new Error(`--fault ${spec}: expected <route>:<kind>[:<value>][x<times>], e.g. create:status:503x2`)
  const [, route, kind, value, times] = match as unknown as [string, Route, string, string | undefined, string | undefined]
  const number = (name: string) => {
    if (value === undefined) throw new Error(`--fault ${spec}: ${kind} needs a ${name}, e.g. ${route}:${kind}:100`)
    return Number(value)
  }
  const kinds: Record<string, () => FaultKind> = {
    status: () => ({ type: 'status', status: number('status code') }),
    reset: () => ({ type: 'reset' }),
    'reset-after': () => ({ type: 'resetAfterReceive' }),
    delay: () => ({ type: 'delayHeaders', ms: number('number of milliseconds') }),
    truncate: () => ({ type: 'truncate', bytes: number('number of bytes') }),
    stall: () => ({ type: 'stall', bytes: number('number of bytes') }),
    redirect: () => ({ type: 'redirect' }),
    'cut-short': () => ({ type: 'brokenClip', how: 'truncated' }),
    garbage: () => ({ type: 'brokenClip', how: 'garbage' }),
    'sample-bomb': () => ({ type: 'brokenClip', how: 'samples' }),
    'fragment-bomb': () => ({ type: 'brokenClip', how: 'fragments' }),
    'stz2-bomb': () => ({ type: 'brokenClip', how: 'compact' }),
    'padding-bomb': () => ({ type: 'brokenClip', how: 'padding' }),
    landscape: () => ({ type: 'clipShape', shape: { width: 1280, height: 720 } }),
    seconds: () => ({ type: 'clipShape', shape: { seconds: number('number of seconds') } }),
    c2pa: () => ({ type: 'clipShape', shape: { contentCredentials: true } }),
  }
  const make = kinds[kind]
  if (!make) throw new Error(`--fault ${spec}: unknown kind '${kind}' (${Object.keys(kinds).join(', ')})`)
  return { route, kind: make(), ...(times !== undefined ? { times: Number(times) } : {}) }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        'task-seconds': { type: 'string', default: '10' },
        'cancel-route': { type: 'boolean', default: false },
        reply: { type: 'string', default: 'full' },
        key: { type: 'string', multiple: true, default: [] },
        'broke-key': { type: 'string', multiple: true, default: [] },
        fault: { type: 'string', multiple: true, default: [] },
        'upload-quota': { type: 'string', default: '256' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
    if (values.reply !== 'full' && values.reply !== 'lean') throw new Error(`--reply must be full or lean, not ${values.reply}`)
    if (!/^\d+$/.test(values.port)) throw new Error(`--port must be a number, not ${values.port}`)
    if (!(Number(values['upload-quota']) > 0)) throw new Error(`--upload-quota must be a number of MiB, not ${values['upload-quota']}`)
    if (!(Number(values['task-seconds']) >= 0)) throw new Error(`--task-seconds must be a number of seconds, not ${values['task-seconds']}`)
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`)
    process.exit(2)
  }
  if (values.help) {
    console.log(HELP)
    process.exit(0)
  }
  let faults: Fault[]
  try {
    faults = values.fault.map(parseFault)
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(2)
  }
  const simulator = await startFoxApiSimulator({
    port: Number(values.port),
    taskDurationMs: Number(values['task-seconds']) * 1000,
    cancelRoute: values['cancel-route'],
    replyVersion: values.reply,
    apiKeys: [...DEFAULT_API_KEYS, ...values.key],
    brokeKeys: values['broke-key'],
    faults,
    uploadQuotaBytes: Number(values['upload-quota']) * 1024 * 1024,
  })
  console.log(`FoxAPI simulator listening on ${simulator.url}`)
  console.log(
    `  base-url: ${simulator.url}   api-key: ${DEFAULT_API_KEYS[0]}   tasks take ${values['task-seconds']}s` +
      `${values['cancel-route'] ? '   cancel route on' : ''}${faults.length > 0 ? `   faults: ${values.fault.join(', ')}` : ''}`,
  )
  console.log('Press Ctrl-C to stop; --help lists the options.')
  const shutdown = () => void simulator.close().then(() => process.exit(0))
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}
