// Reads the action's inputs into run settings and one or more validated clip requests.
// Every problem is collected and named after its input, so a bad step fails before anything is paid for.
import path from 'node:path'
import * as core from '@actions/core'
import type { InputName } from '../constants'
import { parseMaxCredits, resultsFilePath, selectClips } from './plan-inputs'
import { registerSecret } from '../secrets'
import { checkPlannedDestinations, resultsFileProblems, type PlannedDestination } from '../security/destinations'
import { entryNameProblem, foldedName } from '../security/portable-names'
import { isValidTaskId } from '../security/task-id'
import { isLoopbackHost } from '../security/internal-hosts'
import { readInlineOrFile, readWorkspaceFile } from '../security/workspace-files'
import { VERIFY_MODES, type ClipSpec, type NotDueEntry, type RunSettings, type VerifyMode } from './clip-spec'
import { shown } from './input-text'
import { REQUEST_INPUTS, buildRequest, type RawRequestInputs } from '../models'
import { readEntryCalendar, type EntryCalendar } from './calendar'
import {
  dueEntries,
  expandOutputTemplate,
  expandRequestTexts,
  readScheduleInputs,
  templateValues,
  type ScheduleInputs,
} from './schedule-inputs'
import { readVariables } from './templates'

export type { ClipSpec, RunSettings } from './clip-spec'

/** Defaults, identical to action.yml's (a test keeps them in step); the runner applies those, local runs these. */
export const INPUT_DEFAULTS = {
  'base-url': 'https://api.foxapi.cc',
  model: 'kling-o3-ref',
  wait: 'true',
  timeout: '15m',
  'poll-interval': '30s',
  'request-timeout': '30s',
  download: 'true',
  'max-download-size': '500MiB',
  verify: 'fail',
  'cancel-on-timeout': 'false',
  cache: 'true',
  concurrency: '2',
  'fail-fast': 'false',
  'dry-run': 'false',
  reuse: 'auto',
  timezone: 'UTC',
  pick: 'all',
  'budget-period': 'run',
} as const

/** Where clips go when `output-path` is not set: by task id for one clip, by entry name in a batch. */
export const SINGLE_OUTPUT_PATH = 'foxapi-videos/{task-id}.mp4'
export const BATCH_OUTPUT_PATH = 'foxapi-videos/{name}.mp4'

export const MAX_PROMPT_FILE_BYTES = 64 * 1024
export const MAX_BATCH_FILE_BYTES = 1024 * 1024
export const MAX_BATCH_CLIPS = 100
export const MAX_CONCURRENCY = 10

/** Reads one input by its action.yml name (typed, so a misspelt or undeclared input does not compile). */
export type InputReader = (name: InputName) => string

export type ReadInputsResult =
  | {
      ok: true
      settings: RunSettings
      clips: ClipSpec[]
      batch: boolean
      /** Kling-only limits a request goes beyond (FoxAPI decides), and notes such as "model not checked". */
      warnings: string[]
      notices: string[]
      /** Batch entries the calendar (or `pick: rotate`) leaves out of this run: not submitted, not failures. */
      notDue: NotDueEntry[]
    }
  | { ok: false; problems: string[] }

const fromEnvironment: InputReader = (name) => core.getInput(name)

/**
 * Checks of a whole batch that need what a later part of the run computes (the cache key: see
 * src/run/identical-requests.ts). The caller passes them in, so reading the inputs computes no keys itself and
 * their problems are still listed with every other input problem, before anything is sent.
 */
export interface BatchChecks {
  /** Problems of the batch's clips (all entries, before `only` picks), given the `cache-key` input. */
  batchProblems?: (clips: ClipSpec[], runCacheKey: string) => string[]
}

/** An input's text, trimmed, or action.yml's default when it is empty (as the runner applies it). */
function withDefaults(getInput: InputReader): InputReader {
  return (name) => {
    const value = getInput(name).trim()
    const defaults: Partial<Record<InputName, string>> = INPUT_DEFAULTS
    return value !== '' ? value : Object.hasOwn(defaults, name) ? (defaults[name] ?? '') : ''
  }
}

/** What the post step acts on: the same inputs as the main step, read and checked by the same code. */
export type PostInputs = { ok: true; baseUrl: string; cancelOnTimeout: boolean } | { ok: false; problems: string[] }

/**
 * The post step's `base-url` and `cancel-on-timeout`, from its own inputs (the runner gives the post step the
 * main step's INPUT_* variables), checked exactly as readInputs checks them. The post step sends the key only
 * where these say, never where its saved state says.
 */
export function readPostInputs(getInput: InputReader = fromEnvironment): PostInputs {
  const problems: string[] = []
  const input = withDefaults(getInput)
  const baseUrl = checkBaseUrl(input('base-url'), problems)
  const cancelOnTimeout = parseBoolean('cancel-on-timeout', input('cancel-on-timeout'), problems)
  return problems.length > 0 ? { ok: false, problems } : { ok: true, baseUrl, cancelOnTimeout }
}

/** `now`: the moment the run's dates (placeholders, from/until, the budget period) are taken from. */
export function readInputs(
  getInput: InputReader = fromEnvironment,
  env = process.env,
  checks: BatchChecks = {},
  now = new Date(),
): ReadInputsResult {
  const problems: string[] = []
  const warnings: string[] = []
  const notices = new Set<string>()
  const input = withDefaults(getInput)
  const workspace = env.GITHUB_WORKSPACE || process.cwd()

  const dryRun = parseBoolean('dry-run', input('dry-run'), problems)
  const schedule = readScheduleInputs(input, env, problems, now)
  const apiKey = getInput('api-key').trim()
  if (apiKey !== '') registerSecret(apiKey)
  else if (!dryRun) problems.push("Input 'api-key' is required: pass it from a secret, e.g. api-key: ${{ secrets.FOXAPI_API_KEY }}")

  const settings: RunSettings = {
    apiKey,
    baseUrl: checkBaseUrl(input('base-url'), problems),
    wait: parseBoolean('wait', input('wait'), problems),
    timeoutMs: parseDuration('timeout', input('timeout'), problems, { minMs: 1_000 }),
    pollIntervalMs: parseDuration('poll-interval', input('poll-interval'), problems, { minMs: 50 }),
    requestTimeoutMs: parseDuration('request-timeout', input('request-timeout'), problems, { minMs: 100 }),
    download: parseBoolean('download', input('download'), problems),
    maxDownloadBytes: parseSize('max-download-size', input('max-download-size'), problems),
    verify: parseVerify(input('verify'), problems),
    cancelOnTimeout: parseBoolean('cancel-on-timeout', input('cancel-on-timeout'), problems),
    cache: parseBoolean('cache', input('cache'), problems),
    cacheKey: input('cache-key'),
    concurrency: parseWholeNumber('concurrency', input('concurrency'), 1, MAX_CONCURRENCY, problems),
    failFast: parseBoolean('fail-fast', input('fail-fast'), problems),
    workspace,
    dryRun,
    maxCredits: parseMaxCredits(input('max-credits'), problems),
    resultsFile: resultsFilePath(input('results-file'), workspace, env, problems),
    reuse: schedule.reuse,
    ...(schedule.budget ? { budget: schedule.budget } : {}),
  }

  // Request fields from the single-clip inputs; in batch mode they are every entry's defaults.
  const shared: RawRequestInputs = {}
  for (const name of REQUEST_INPUTS) {
    const value = getInput(name)
    if (value.trim() !== '') shared[name] = value
  }
  const promptFile = input('prompt-file')
  let promptFileFailed = false
  if (promptFile !== '') {
    if (shared.prompt !== undefined) problems.push("Inputs 'prompt' and 'prompt-file' are both set: use one")
    else {
      const read = readWorkspaceFile(promptFile, workspace, MAX_PROMPT_FILE_BYTES)
      // A file checked out on Windows may end its lines with \r\n: the prompt FoxAPI gets (its length, and the
      // cache key) must not depend on the runner's system.
      if (read.ok) shared.prompt = read.text.replace(/\r\n?/g, '\n')
      else {
        problems.push(`Input 'prompt-file': ${read.problem}`)
        promptFileFailed = true
      }
    }
  }

  const taskId = input('task-id')
  if (taskId !== '' && !isValidTaskId(taskId)) {
    problems.push("Input 'task-id' must be a FoxAPI task id such as task-unified-1757165031-uyujaw3d")
  }
  const batchInput = input('batch')
  const outputPath = input('output-path') || (batchInput !== '' ? BATCH_OUTPUT_PATH : SINGLE_OUTPUT_PATH)
  if (batchInput === '' && schedule.pick === 'rotate')
    problems.push("Input 'pick' is rotate, which picks one entry of a 'batch'; without 'batch' there is nothing to pick from")

  let clips: ClipSpec[] = []
  const calendars = new Map<string, EntryCalendar>()
  const planned: PlannedDestination[] = []
  if (batchInput !== '') {
    if (taskId !== '')
      problems.push("Inputs 'batch' and 'task-id' cannot be used together: to collect a batch entry's task, add task-id to that entry")
    clips = readBatch(batchInput, shared, outputPath, { workspace, problems, planned, schedule, calendars }, (result) => {
      warnings.push(...result.warnings)
      for (const notice of result.notices) notices.add(notice)
    })
    problems.push(...(checks.batchProblems?.(clips, settings.cacheKey) ?? []))
  } else if (taskId !== '' && shared.prompt === undefined) {
    clips = [
      {
        name: taskId,
        taskId,
        outputPath: expandOutputTemplate(outputPath, templateValues(schedule, taskId), "Input 'output-path'", problems),
      },
    ]
  } else {
    const values = templateValues(schedule, 'clip')
    const fromFile = promptFile !== '' && getInput('prompt').trim() === ''
    const expanded = expandRequestTexts(
      shared,
      values,
      (field) => `Input '${field === 'prompt' && fromFile ? 'prompt-file' : field}'`,
      problems,
    )
    const clipOutput = expandOutputTemplate(outputPath, values, "Input 'output-path'", problems)
    const result = buildRequest(expanded)
    if (!result.ok) {
      for (const problem of result.problems) {
        const aboutMissingPrompt = shared.prompt === undefined && problem.startsWith("Input 'prompt'")
        if (!aboutMissingPrompt) problems.push(problem)
        else if (!promptFileFailed) problems.push("Input 'prompt' (or 'prompt-file') is required")
      }
    } else {
      clips = [{ name: 'clip', request: result.request, outputPath: clipOutput, ...(taskId !== '' ? { taskId } : {}) }]
      warnings.push(...result.warnings)
      for (const notice of result.notices) notices.add(notice)
    }
  }
  if (batchInput === '')
    planned.push(...clips.map((c) => ({ label: "Input 'output-path'", template: c.outputPath, name: c.name, taskId: c.taskId })))
  // Only runs that write a clip (wait and download) depend on where it goes.
  if (settings.wait && settings.download) problems.push(...checkPlannedDestinations(planned, workspace))
  if (input('results-file') !== '' && !problems.some((p) => p.startsWith("Input 'results-file'")))
    problems.push(...resultsFileProblems(settings.resultsFile, settings.wait && settings.download ? planned : [], workspace))

  const selected = selectClips(input('only'), clips, batchInput !== '', problems)
  let notDue: NotDueEntry[] = []
  if (batchInput !== '' && problems.length === 0) {
    // The calendar and the rotation look at every entry (so a matrix job's `only` agrees with the plan job's
    // choice); `only` then picks among those due.
    const due = dueEntries(
      clips.map((clip) => ({ name: clip.name, calendar: calendars.get(clip.name) ?? {} })),
      schedule,
      env,
      problems,
    )
    const chosen = new Set(selected.map((clip) => clip.name))
    notDue = due.notDue.filter((entry) => chosen.has(entry.name))
    clips = selected.filter((clip) => due.due.has(clip.name))
  } else clips = selected

  // A shared input's placeholder problem is found once per batch entry: said once.
  return problems.length > 0
    ? { ok: false, problems: [...new Set(problems)] }
    : { ok: true, settings, clips, batch: batchInput !== '', warnings, notices: [...notices], notDue }
}

/** The batch's clips; each clip's destination goes to `planned` for the output check. */
function readBatch(
  value: string,
  shared: RawRequestInputs,
  outputTemplate: string,
  {
    workspace,
    problems,
    planned,
    schedule,
    calendars,
  }: {
    workspace: string
    problems: string[]
    planned: PlannedDestination[]
    schedule: ScheduleInputs
    /** Filled with each clip's calendar fields, by name. */
    calendars: Map<string, EntryCalendar>
  },
  onValid: (result: { warnings: string[]; notices: string[] }) => void,
): ClipSpec[] {
  const read = readInlineOrFile('batch', value, workspace, MAX_BATCH_FILE_BYTES)
  if (!read.ok) {
    problems.push(read.problem)
    return []
  }
  const entries = Array.isArray(read.data) ? read.data : (read.data as { clips?: unknown } | null)?.clips
  if (!Array.isArray(entries) || entries.length === 0) {
    problems.push("Input 'batch' must be a non-empty list of clips (or an object with a 'clips' list)")
    return []
  }
  if (entries.length > MAX_BATCH_CLIPS) {
    problems.push(`Input 'batch' has ${entries.length} clips; at most ${MAX_BATCH_CLIPS} are allowed`)
    return []
  }

  const clips: ClipSpec[] = []
  /** Names so far, by their folded form (foldedName). */
  const seenNames = new Map<string, string>()
  entries.forEach((entry: unknown, index) => {
    const label = `batch item ${index + 1}`
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(`${label}: must be a mapping of request fields (prompt, duration, ...) and output`)
      return
    }
    const {
      name: rawName,
      output: rawOutput,
      'task-id': rawTaskId,
      'cache-key': rawCacheKey,
      schedule: rawSchedule,
      from: rawFrom,
      until: rawUntil,
      variables: rawVariables,
      ...fields
    } = entry as Record<string, unknown>
    const entryTaskId = typeof rawTaskId === 'string' ? rawTaskId.trim() : undefined
    if (rawTaskId !== undefined && !(entryTaskId && isValidTaskId(entryTaskId))) {
      problems.push(`${label} 'task-id' must be a FoxAPI task id such as task-unified-1757165031-uyujaw3d`)
    }
    const entryCacheKey = typeof rawCacheKey === 'string' || typeof rawCacheKey === 'number' ? String(rawCacheKey).trim() : undefined
    if (rawCacheKey !== undefined && !entryCacheKey) problems.push(`${label} 'cache-key' must be text`)
    const output = typeof rawOutput === 'string' ? rawOutput.trim() : undefined
    if (rawOutput !== undefined && !output) problems.push(`${label} 'output' must be a file name`)
    const fromOutput = output ? path.basename(output, path.extname(output)) : ''
    const name =
      typeof rawName === 'string' && rawName.trim() !== ''
        ? rawName.trim()
        : fromOutput !== '' && !fromOutput.includes('{')
          ? fromOutput
          : `clip-${index + 1}`
    if (rawName !== undefined && typeof rawName !== 'string') problems.push(`${label} 'name' must be text`)
    else {
      const problem = entryNameProblem(name)
      if (problem !== undefined) problems.push(`${label} 'name' ${problem}`)
    }
    // Names become file and artifact names in later jobs: two that one file system takes for one are one name.
    const folded = foldedName(name)
    const earlier = seenNames.get(folded)
    const repeated = earlier !== undefined
    if (earlier === name) problems.push(`${label} 'name' repeats '${name}': each clip needs its own name`)
    else if (repeated) {
      problems.push(
        `${label} 'name' '${name}' is '${earlier}' in another case or Unicode form, one name to a file system that ignores case: each clip needs its own name`,
      )
    }
    if (!repeated) seenNames.set(folded, name)

    const extra = { ...(entryTaskId ? { taskId: entryTaskId } : {}), ...(entryCacheKey ? { cacheKey: entryCacheKey } : {}) }
    calendars.set(name, readEntryCalendar({ schedule: rawSchedule, from: rawFrom, until: rawUntil }, label, problems))
    // Placeholders are expanded before anything is checked: what is validated is what is sent.
    const values = templateValues(schedule, name, readVariables(rawVariables, `${label} 'variables'`, problems))
    const raw = expandRequestTexts(
      { ...shared, ...fields },
      values,
      (field) => (field in fields ? `${label} '${field}'` : `Input '${field}'`),
      problems,
    )
    const clipOutput = expandOutputTemplate(
      output ?? outputTemplate,
      values,
      output ? `${label} 'output'` : "Input 'output-path'",
      problems,
    )
    const plan = () => {
      if (!repeated)
        planned.push({
          label: output ? `${label} 'output'` : `${label} output (from 'output-path')`,
          template: clipOutput,
          name,
        })
    }
    // An entry that only collects an earlier task needs no request.
    if (entryTaskId && raw.prompt === undefined) {
      clips.push({ name, outputPath: clipOutput, ...extra })
      plan()
      return
    }
    const result = buildRequest(raw, label)
    if (!result.ok) problems.push(...result.problems)
    else {
      clips.push({ name, request: result.request, outputPath: clipOutput, ...extra })
      plan()
      onValid(result)
    }
  })
  return clips
}

function checkBaseUrl(value: string, problems: string[]): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    problems.push(`Input 'base-url' must be a URL such as ${INPUT_DEFAULTS['base-url']}`)
    return value
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    problems.push("Input 'base-url' must use https (plain http is allowed only for loopback addresses)")
  }
  if (url.username || url.password) problems.push("Input 'base-url' must not carry credentials; use 'api-key'")
  if (url.search || url.hash) problems.push("Input 'base-url' must not have a query or fragment")
  return url.toString().replace(/\/+$/, '')
}

function parseVerify(value: string, problems: string[]): VerifyMode {
  const mode = VERIFY_MODES.find((m) => m === value.toLowerCase())
  if (mode === undefined) problems.push(`Input 'verify' must be fail, warn or off (got ${shown(value)})`)
  return mode ?? 'fail'
}

// Every lookup table of input text is a Map: a plain object would answer `constructor`, `__proto__` or
// `toString` from its prototype (`dry-run: constructor` read as true, `1constructor` as NaN bytes).
const BOOLEAN_TEXT: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['false', false],
])

function parseBoolean(name: string, value: string, problems: string[]): boolean {
  const parsed = BOOLEAN_TEXT.get(value.toLowerCase())
  if (parsed === undefined) problems.push(`Input '${name}' must be true or false (got ${shown(value)})`)
  return parsed ?? false
}

const DURATION_UNITS_MS: ReadonlyMap<string, number> = new Map([
  ['ms', 1],
  ['s', 1_000],
  ['m', 60_000],
  ['h', 3_600_000],
])

/** `600` (seconds), `90s`, `10m`, `1h30m`, `250ms`. */
export function parseDurationText(value: string): number | undefined {
  const text = value.trim().toLowerCase()
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1_000)
  if (!/^(\d+(\.\d+)?(ms|s|m|h))+$/.test(text)) return undefined
  let total = 0
  for (const [, amount, , unit] of text.matchAll(/(\d+(\.\d+)?)(ms|s|m|h)/g)) {
    const unitMs = DURATION_UNITS_MS.get(unit ?? '')
    if (unitMs === undefined) return undefined
    total += Number(amount) * unitMs
  }
  return Math.round(total)
}

function parseDuration(name: string, value: string, problems: string[], { minMs }: { minMs: number }): number {
  const ms = parseDurationText(value)
  if (ms === undefined || ms < minMs || ms > 6 * 3_600_000) {
    problems.push(
      `Input '${name}' must be a duration such as 600 (seconds), 90s, 10m or 1h, between ${minMs}ms and 6h (got ${shown(value)})`,
    )
    return minMs
  }
  return ms
}

const SIZE_UNITS: ReadonlyMap<string, number> = new Map([
  ['', 1],
  ['b', 1],
  ['k', 1024],
  ['kb', 1024],
  ['kib', 1024],
  ['m', 1024 ** 2],
  ['mb', 1024 ** 2],
  ['mib', 1024 ** 2],
  ['g', 1024 ** 3],
  ['gb', 1024 ** 3],
  ['gib', 1024 ** 3],
])

/** `1048576`, `500MB`, `2GiB` (K/M/G are binary units). */
export function parseSizeText(value: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim())
  const unit = SIZE_UNITS.get((match?.[2] ?? '').toLowerCase())
  if (!match || unit === undefined) return undefined
  const bytes = Math.floor(Number(match[1]) * unit)
  return Number.isSafeInteger(bytes) ? bytes : undefined
}

function parseSize(name: string, value: string, problems: string[]): number {
  const bytes = parseSizeText(value)
  if (bytes === undefined || bytes < 1) {
    problems.push(`Input '${name}' must be a size such as 500MiB, 2GiB or a number of bytes (got ${shown(value)})`)
    return 1
  }
  return bytes
}

function parseWholeNumber(name: string, value: string, min: number, max: number, problems: string[]): number {
  const n = Number(value)
  if (!/^\d+$/.test(value) || n < min || n > max) {
    problems.push(`Input '${name}' must be a whole number from ${min} to ${max} (got ${shown(value)})`)
    return min
  }
  return n
}
