// Batch entries that would share one cache entry are refused before anything is sent. The check needs the
// clip's cache key, which the run computes (reading the inputs computes no keys): src/main.ts calls it for the
// dry run and the paid run alike.
import { clipCacheKey } from '../cache/cache-key'
import type { ClipSpec } from '../inputs/clip-spec'

/**
 * Batch entries that would send the very same request are refused: the result cache keys clips by request, so
 * they would share one entry and a re-run would serve one take as all of them. Distinct takes say so with a
 * `cache-key` of their own. Entries that collect a `task-id` send nothing and are left out.
 */
export function identicalRequests(clips: ClipSpec[], runCacheKey: string): string[] {
  const problems: string[] = []
  const seen = new Map<string, string>()
  for (const clip of clips) {
    // The very key the cache would store the clip under (none for an entry that collects a task-id).
    const identity = clipCacheKey(clip, runCacheKey)
    if (identity === undefined) continue
    const earlier = seen.get(identity)
    if (earlier === undefined) seen.set(identity, clip.name)
    else {
      problems.push(
        `batch entries '${earlier}' and '${clip.name}' send the same request: give each take its own 'cache-key' (e.g. cache-key: take-2), or remove one`,
      )
    }
  }
  return problems
}
