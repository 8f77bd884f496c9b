// How the clips of a run share FoxAPI and the runner: at most `concurrency` tasks in flight, task slots given in
// batch order, cache lookups running ahead of a clip's turn, and (with fail-fast) no new clip after a failure.
// A clip holds its task slot only until its task is final: its download and cache save then run beside the next
// clips' tasks, each kind bounded on its own (see transferLimits), so tar, zstd and the upload of one clip never
// keep the next task from starting. A single clip is a batch of one.
import { isSuccess, type ClipResult } from '../report/clip-result'
import type { ClipSpec } from '../inputs/clip-spec'
import type { ClipDeps, ClipTurn, TransferLimits } from './clip-deps'
import { notStarted } from './clip-end'
import { runClip } from './clip-pipeline'
import { Limiter } from './limiter'

/**
 * Cache saves running at once. Each runs tar and zstd and uploads its archive; on a 2-core machine four keep up
 * with a batch of 100 clips of 4 MiB at `concurrency: 10` (two fell behind), with the step's peak RSS near
 * 220 MiB (`npm run bench -- batch`).
 */
export const CACHE_SAVES_AT_ONCE = 4

/** The run's bounds on downloads (network-bound, so as many as tasks) and on cache saves. */
export function transferLimits(concurrency: number): TransferLimits {
  return { downloads: new Limiter(concurrency), cacheSaves: new Limiter(CACHE_SAVES_AT_ONCE) }
}

/**
 * Runs `clips`, each through its pipeline. A clip's cache lookup runs ahead of its turn (at most `concurrency`
 * clips look ahead), then it takes a task slot, in batch order, and gives it back once its task is final (or when
 * it ends, whichever is first). With fail-fast, a failure stops clips not yet submitted; a cancelled run submits
 * no more. Results come back in batch order.
 */
export async function runClips(clips: readonly ClipSpec[], deps: ClipDeps): Promise<ClipResult[]> {
  const schedule = new BatchSchedule(deps)
  const results = new Array<ClipResult>(clips.length)
  const running: Promise<void>[] = []
  for (const [index, spec] of clips.entries()) {
    const turn = await schedule.next()
    if (typeof turn === 'string') {
      results[index] = skipped(spec, turn)
      deps.ended?.(results[index])
      continue
    }
    const clip = runClip(spec, deps, turn).then((result) => {
      results[index] = result
      schedule.ended(result)
      deps.ended?.(result)
    })
    running.push(clip.finally(() => turn.release()))
  }
  await Promise.all(running)
  return results
}

/** The task slots of a run, and why no new clip may start (fail-fast after a failure, a cancelled run). */
class BatchSchedule {
  private readonly taskSlots: Limiter
  /** Clips started whose task is not final yet: those holding a task slot, and as many again looking ahead. */
  private readonly started: Limiter
  /** Task slots go to clips in batch order, whatever order their cache lookups end in. */
  private turns: Promise<unknown> = Promise.resolve()
  private failed = false

  constructor(private readonly deps: Pick<ClipDeps, 'settings' | 'signal'>) {
    const { concurrency } = deps.settings
    this.taskSlots = new Limiter(concurrency)
    this.started = new Limiter(2 * concurrency)
  }

  /** Why a clip may not start now, if it may not. */
  stopped(): string | undefined {
    if (this.failed && this.deps.settings.failFast) return 'not started: an earlier clip failed (fail-fast)'
    if (this.deps.signal.aborted) return 'not started: the run was cancelled'
    return undefined
  }

  /** The next clip's turn, once it may look ahead; or why it does not start at all. */
  async next(): Promise<ClipTurn | string> {
    const leave = await this.started.acquire()
    const reason = this.stopped()
    if (reason !== undefined) {
      leave()
      return reason
    }
    const slot = this.turns.then(() => this.taskSlots.acquire())
    this.turns = slot
    return {
      take: async () => (await slot, this.stopped()),
      release: () => {
        void slot.then((release) => release())
        leave()
      },
    }
  }

  /** A clip ended: a failure (not a skip) stops clips not yet submitted under fail-fast. */
  ended(result: ClipResult): void {
    if (!isSuccess(result) && result.outcome !== 'skipped') this.failed = true
  }
}

/** A clip the schedule never started: as a clip that ends before its task (notStarted), named. */
function skipped(spec: ClipSpec, reason: string): ClipResult {
  const end = notStarted({ action: 'skip', why: reason }, 'skipped', reason)
  return { ...end, name: spec.name, ...(spec.request ? { request: spec.request } : {}), elapsedMs: 0 }
}
