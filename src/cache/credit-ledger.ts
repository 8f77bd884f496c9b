// The credits a workflow has spent in the current period (`budget-period`), kept in the Actions cache so that
// `max-credits` can cap every run of the workflow in a day, week or month, not just one step.
//
// Cache entries are immutable (no overwrite, no delete), so the ledger is a series of entries, one per update:
//   foxapi-video-ledger-v1-<scope hash>-<period>-<time>-<random>
// each holding the period's running total as the run that wrote it computed it (what it read before
// submitting, plus what its own tasks reserved so far). One restore by the series' prefix returns the newest,
// which is the total. A new period is a new prefix, so it starts at 0.
//
// The ledger decides whether money is spent, so it is never believed blindly. An entry carries the proof of
// origin every cache entry of this action carries (src/cache/entry-proof.ts: a MAC keyed from the API key)
// over what it says and the key it was saved under: an entry forged by anyone without the API key, or an honest
// entry re-saved under a newer key to roll the total back, fails it. An entry that fails the proof, and a
// ledger that cannot be read while the cache is on, is "limit reached" (nothing submitted), never 0.
//
// The entry is never unpacked by tar: its archive is downloaded (./actions-cache.ts readEntry, which tells "no
// ledger yet" from "the cache could not be read") and its one plain file read into a fresh private folder under
// the runner's temp folder (./entry-archive.ts: links, devices, `..` and stray members refuse the entry). It is
// read once, before any clip touches the cache, so no other restore or save runs meanwhile.
import { createHash, randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import * as cache from './actions-cache'
import { CACHE_DIRECTORY, freshEntryFolder, stagingFolderProblem } from './staging'
import { isProvenEntry, proveEntry } from './entry-proof'
import { readEntryJson, RefusedEntryError, withUnpackedEntry, type UnpackedFile } from './entry-archive'
import type { BudgetPeriodSettings } from '../inputs/clip-spec'
import { removeLeftover } from '../atomic-files'
import * as log from '../log'
import { messageOf } from '../errors'

const LEDGER_FILE = 'ledger.json'
const MAX_LEDGER_BYTES = 16 * 1024
const ENTRY_KIND = 'foxapi-video credit ledger v1'

const ledgerSchema = z.strictObject({
  v: z.literal(1),
  scope: z.string().max(1_000),
  period: z.string().max(40),
  spent: z.number().finite().nonnegative(),
  run_id: z.string().max(40),
  at: z.number().int().nonnegative(),
  proof: z.string(),
})

/** What the ledger says before this run submits anything. */
export type LedgerReading =
  /** Credits spent in the period by earlier runs (0 when the period has no entry yet). */
  | { kind: 'read'; spent: number }
  /** The ledger is there but cannot be believed or read: treated as "limit reached". */
  | { kind: 'untrusted'; reason: string }

/** The parts of @actions/cache used here, looked up at run time (a stubbed module may lack any of them). */
interface CacheApi {
  isFeatureAvailable: () => boolean
  readEntry: (paths: string[], key: string, restoreKeys: string[]) => Promise<cache.EntryRead>
  saveCache: (paths: string[], key: string) => Promise<number>
}

export class CreditLedger {
  private readonly prefix: string
  private readonly relative: string
  /** The running total last saved (or read), so an unchanged total is not saved again. */
  private saved: number | undefined
  private queue: Promise<void> = Promise.resolve()

  private constructor(
    private readonly api: CacheApi,
    private readonly apiKey: string,
    private readonly workspace: string,
    private readonly budget: BudgetPeriodSettings,
    private readonly runId: string,
  ) {
    const scope = createHash('sha256').update(budget.scope).digest('hex').slice(0, 24)
    this.prefix = `foxapi-video-ledger-v1-${scope}-${budget.key}-`
    // The same relative path on every run: it is part of the entries' version.
    this.relative = path.posix.join(CACHE_DIRECTORY, `ledger-${createHash('sha256').update(this.prefix).digest('hex').slice(0, 16)}`)
  }

  /**
   * The ledger of `budget`, or why there can be none: the cache is off or this runner has no cache service.
   * With a period set, the caller then fails the step before submitting anything.
   */
  static open(
    options: { cache: boolean; apiKey: string; workspace: string; budget: BudgetPeriodSettings; runId?: string },
    module: unknown = cache,
  ): CreditLedger | { unavailable: string } {
    if (!options.cache) return { unavailable: "'cache' is false" }
    const api = module as Partial<Record<keyof CacheApi, unknown>> | undefined
    for (const name of ['isFeatureAvailable', 'readEntry', 'saveCache'] as const) {
      if (typeof api?.[name] !== 'function') return { unavailable: `@actions/cache has no ${name} here` }
    }
    try {
      if ((api as CacheApi).isFeatureAvailable() !== true)
        return { unavailable: 'the Actions cache service is not configured on this runner' }
    } catch (error) {
      return { unavailable: `the cache feature check failed: ${messageOf(error)}` }
    }
    return new CreditLedger(api as CacheApi, options.apiKey, options.workspace, options.budget, options.runId ?? '')
  }

  /** The period's total so far; never 0 for a ledger that is there but cannot be read or believed. */
  async read(): Promise<LedgerReading> {
    if (this.apiKey === '') return { kind: 'untrusted', reason: "no 'api-key' to check the ledger's proof with" }
    const found = await this.api.readEntry([this.relative], this.prefix, [this.prefix])
    if (found.kind === 'failed') return { kind: 'untrusted', reason: `the ledger could not be read (${found.reason})` }
    if (found.kind === 'none') {
      this.saved = 0
      return { kind: 'read', spent: 0 }
    }
    const { matchedKey: matched } = found.entry
    try {
      if (typeof matched !== 'string' || !matched.startsWith(this.prefix)) {
        await removeLeftover(found.entry.folder)
        return { kind: 'untrusted', reason: 'the cache answered with another key' }
      }
      return await withUnpackedEntry(found.entry, this.relative, new Map([[LEDGER_FILE, MAX_LEDGER_BYTES]]), (files) =>
        this.believe(matched, files),
      )
    } catch (error) {
      const why = error instanceof RefusedEntryError ? `the entry ${matched} is refused: ${error.message}` : messageOf(error)
      return { kind: 'untrusted', reason: `the ledger could not be read (${why})` }
    }
  }

  /** What the ledger entry `matched` says, read from its unpacked files, if its proof holds. */
  private async believe(matched: string, files: Map<string, UnpackedFile>): Promise<LedgerReading> {
    const file = files.get(LEDGER_FILE)
    if (!file) return { kind: 'untrusted', reason: `the ledger entry ${matched} has no ${LEDGER_FILE}` }
    const entry = ledgerSchema.safeParse(await readEntryJson(file.path, LEDGER_FILE, MAX_LEDGER_BYTES))
    if (!entry.success) return { kind: 'untrusted', reason: `the ledger entry ${matched} is not a ledger` }
    const { proof, ...fields } = entry.data
    if (!isProvenEntry(this.apiKey, { kind: ENTRY_KIND, key: matched, ...fields }, proof) || fields.scope !== this.budget.scope) {
      return {
        kind: 'untrusted',
        reason: `the ledger entry ${matched} fails its proof of origin (not written by this action with this API key)`,
      }
    }
    this.saved = fields.spent
    return { kind: 'read', spent: fields.spent }
  }

  /**
   * Adds a new entry holding `total`, the period's running total, unless it is the total last saved. Saves run
   * one after another; never rejects (a failed save is a warning: the next run then counts less).
   */
  record(total: number): Promise<void> {
    this.queue = this.queue.then(() => this.save(total))
    return this.queue
  }

  private async save(total: number): Promise<void> {
    if (total === this.saved) return
    const key = `${this.prefix}${Date.now()}-${randomBytes(4).toString('hex')}`
    const fields = { v: 1 as const, scope: this.budget.scope, period: this.budget.key, spent: total, run_id: this.runId, at: Date.now() }
    const absolute = path.join(this.workspace, this.relative)
    try {
      // As for clips (src/cache/result-cache.ts): the staging folder is used only when it is a plain folder, never
      // through a link or in place of a file.
      const problem = await stagingFolderProblem(this.workspace)
      if (problem !== undefined) throw new Error(problem)
      await freshEntryFolder(this.workspace, this.relative)
      const proof = proveEntry(this.apiKey, { kind: ENTRY_KIND, key, ...fields })
      await writeFile(path.join(absolute, LEDGER_FILE), JSON.stringify({ ...fields, proof }))
      const id = await this.api.saveCache([this.relative], key)
      if (typeof id === 'number' && id !== -1) {
        this.saved = total
        log.debug(`Budget ledger (${this.budget.key}): ${total} credits spent in the period, saved as ${key}.`)
      } else log.warning(`Could not save the budget ledger entry ${key}: later runs in ${this.budget.key} will not count these credits.`)
    } catch (error) {
      log.warning(
        `Could not save the budget ledger entry ${key} (${messageOf(error)}): later runs in ${this.budget.key} will not count these credits.`,
      )
    } finally {
      await removeLeftover(absolute)
    }
  }
}
