// The pipeline's first stage: look the clip's request up in the Actions cache. A proven clip that passes its check
// is placed where the clip goes (a clip that passes is always restored: ./clip-decision.ts); a pending task is
// offered for collecting unless, under `reuse: run`, its clip went to another run. findingOf turns what the cache
// said into the fact the decision reads; the dry run asks the same questions (./dry-run.ts).
import type { CacheLookup, LookupOptions } from '../cache/result-cache'
import { reuseRunId } from '../cache/cache-key'
import { checkRestoredClip, type VerifyContext } from '../clip/clip-verify'
import type { ClipSpec } from '../inputs/clip-spec'
import type { ClipDecision } from '../report/clip-result'
import type { CacheFinding } from './clip-decision'
import type { ClipDeps } from './clip-deps'
import { taskFields, type ClipEnd } from './clip-end'
import { resolveOutputPath, verifyContext } from './deliver-clip'

type Log = (line: string) => void

/**
 * How a clip's request is looked up, by the paid run and the dry run alike: the clip file is what is cached (result
 * URLs expire), so a cached clip serves only runs that download it; under `reuse: run` only this run's clip; a
 * proven clip is checked as a download is. Where it is placed, if anywhere, is the caller's.
 */
export function lookupOptions(settings: ClipDeps['settings'], verify: VerifyContext): LookupOptions {
  const runId = reuseRunId(settings)
  return {
    wantClip: settings.wait && settings.download,
    ...(runId !== undefined ? { runId } : {}),
    check: (file) => checkRestoredClip(file, verify),
  }
}

/** The cache lookup stage: the clip or a pending task of the request's key (none without a key). */
export async function lookUp(spec: ClipSpec, key: string | undefined, deps: ClipDeps, log: Log): Promise<CacheLookup> {
  if (key === undefined) return undefined
  const { settings } = deps
  const found = await deps.cache.lookup(key, {
    ...lookupOptions(settings, verifyContext(spec, deps, log)),
    place: (task) => resolveOutputPath(spec, task.id, settings.workspace),
  })
  if (found?.kind === 'unusable-clip' && wantsClip(deps))
    log(`${found.why}; treating the cache entry ${key} as a miss (change cache-key to store a new clip under a new key).`)
  return deliveredElsewhere(found, key, deps)
}

/**
 * `reuse: run`: an earlier run's pending task is adopted only when its delivered notes (artifacts of the runs that
 * received clips, src/records/delivered-notes.ts) say no other run got its clip; when they cannot be read, it is not.
 */
export async function deliveredElsewhere(
  found: CacheLookup,
  key: string,
  deps: Pick<ClipDeps, 'notes' | 'settings'>,
): Promise<CacheLookup> {
  if (found?.kind !== 'pending' || deps.settings.reuse.mode !== 'run') return found
  const to = deps.notes ? await deps.notes.deliveredTo(key, found.taskId) : { kind: 'unknown' as const, why: 'no delivered notes here' }
  if (to.kind === 'nowhere' || to.kind === 'this-run') return found
  const why = to.kind === 'other-run' ? `was delivered to another run (${to.runId})` : `may have been delivered to another run: ${to.why}`
  return { kind: 'delivered', taskId: found.taskId, why }
}

const wantsClip = (deps: ClipDeps): boolean => deps.settings.wait && deps.settings.download

/** What a lookup found, as the decision reads it. */
export function findingOf(found: CacheLookup, key: string | undefined, deps: Pick<ClipDeps, 'cache' | 'settings'>): CacheFinding {
  if (key === undefined)
    return { kind: 'not-asked', why: deps.settings.cache ? 'the Actions cache cannot be used on this runner' : 'cache: false' }
  switch (found?.kind) {
    case undefined:
      return { kind: 'no-answer' }
    case 'empty':
      return { kind: 'empty' }
    case 'clip':
      return { kind: 'clip', usable: true }
    case 'unusable-clip':
      return { kind: 'clip', usable: false, why: found.why }
    case 'pending':
      return { kind: 'pending', taskId: found.taskId }
    case 'delivered':
      return {
        kind: 'delivered',
        taskId: found.taskId,
        why: `its last task ${found.why ?? 'was delivered to an earlier run'}: ${deps.settings.reuse.why}`,
      }
  }
}

/** The restore: the proven, checked clip is already in place (a clip that passes its check is always restored). */
export function restored(found: Extract<CacheLookup, { kind: 'clip' }>, decision: ClipDecision, log: Log): ClipEnd {
  const { clip, held } = found
  log(`Restored from the Actions cache; nothing was sent to FoxAPI (the cache key is in the summary's technical details).`)
  return {
    decision,
    outcome: 'succeeded',
    ...taskFields(clip.task, undefined),
    cacheHit: true,
    resumed: false,
    // No video-url: the cached task's URL was pre-signed when it was made and has likely expired since.
    ...(clip.path !== undefined ? { videoPath: clip.path } : {}),
    sha256: clip.sha256,
    bytes: clip.bytes,
    ...(clip.madeBy ? { madeBy: clip.madeBy } : {}),
    metadata: held.metadata,
    verification: held.verification,
  }
}
