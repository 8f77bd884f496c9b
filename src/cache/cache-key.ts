// The names the result cache is built on, kept apart from src/cache/result-cache.ts so that the check for two
// batch entries with one key (src/run/identical-requests.ts) loads neither @actions/cache nor the network code.
import { createHash } from 'node:crypto'
import type { RunSettings } from '../inputs/clip-spec'
import type { MediaFile } from '../media/media-files'
import { withMediaDigests } from '../media/media-request'
import type { GenerationRequest } from '../models/model'

const KEY_PREFIX = 'foxapi-video-v1'

/** JSON with object keys sorted at every level, so key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/** The cache key of a request: model, prompt, every parameter and media URL, plus the `cache-key` input. Never the API key. */
export function requestCacheKey(request: GenerationRequest, extra: string): string {
  const digest = createHash('sha256').update(canonicalJson(request)).update('\n').update(extra).digest('hex')
  return `${KEY_PREFIX}-${digest.slice(0, 40)}`
}

/**
 * The cache key of a clip: its request, the `cache-key` input (`runCacheKey`) and the entry's own `cache-key`;
 * none for a clip resumed by `task-id`. A workspace file the request names counts by the SHA-256 of its bytes
 * (`media`), never by its path or the URL an upload returns: a cache hit uploads nothing, and changed content is a
 * new request. One function, so the dry run asks the cache about the very key a run uses, and two batch entries
 * that would share one entry are refused before anything is sent.
 */
export function clipCacheKey(
  spec: { request?: GenerationRequest; taskId?: string; cacheKey?: string; media?: readonly Pick<MediaFile, 'at' | 'sha256'>[] },
  runCacheKey: string,
): string | undefined {
  if (!spec.request || spec.taskId) return undefined
  const extraKey = spec.cacheKey !== undefined ? `${runCacheKey}\n${spec.cacheKey}` : runCacheKey
  return requestCacheKey(withMediaDigests(spec.request, spec.media ?? []), extraKey)
}

/**
 * The key a finished clip is saved under. With `reuse: request` (no `runId`) the request's key itself; with
 * `reuse: run` the key names the workflow run too, so only that run (its re-runs and later attempts keep the run
 * id) finds the clip. It does not start with the request's key, because the cache also matches a key as a
 * prefix: `<key>` must keep finding only its own pending-task entries, and run 42's key must not find run 421's.
 */
export function clipEntryKey(key: string, runId?: string): string {
  if (runId === undefined || !key.startsWith(`${KEY_PREFIX}-`)) return key
  return `${KEY_PREFIX}-run-${runId}-${key.slice(KEY_PREFIX.length + 1)}`
}

/** Under `reuse: run`, the workflow run a cached clip is kept for; undefined under `reuse: request`. */
export function reuseRunId(settings: Pick<RunSettings, 'reuse'>): string | undefined {
  return settings.reuse.mode === 'run' ? settings.reuse.runId : undefined
}
