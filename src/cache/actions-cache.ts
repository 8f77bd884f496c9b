// @actions/cache, loaded on first use. It is the largest part of the bundle (the Azure storage client comes
// with it) and many runs never touch it: a bad input fails before it, `cache: false` and the post step do
// without it, and a runner without the cache service is recognised from its variables alone. ncc puts it in
// a chunk of its own beside dist/index.js; this module has the same functions src/cache/result-cache.ts uses.
import type * as ActionsCache from '@actions/cache'

let loaded: Promise<typeof ActionsCache> | undefined
const load = () => (loaded ??= import('@actions/cache'))

/**
 * Whether a cache service may be there, from the runner's variables only (no loading): false when neither
 * ACTIONS_CACHE_URL (cache service v1) nor ACTIONS_RESULTS_URL (v2) is set, as @actions/cache decides too.
 * The loaded module's own check runs before the first restore or save.
 */
export function isFeatureAvailable(): boolean {
  return Boolean(process.env.ACTIONS_CACHE_URL || process.env.ACTIONS_RESULTS_URL)
}

/** The loaded module, after its own availability check (a stub without that check, as local-action's, passes). */
async function available(): Promise<typeof ActionsCache> {
  const cache = await load()
  if (typeof cache.isFeatureAvailable === 'function' && !cache.isFeatureAvailable()) {
    throw new Error('the Actions cache service is not configured on this runner')
  }
  return cache
}

/** @actions/cache's restoreCache, loaded on first use. */
export async function restoreCache(...args: Parameters<typeof ActionsCache.restoreCache>): ReturnType<typeof ActionsCache.restoreCache> {
  return (await available()).restoreCache(...args)
}

/** @actions/cache's saveCache, loaded on first use. */
export async function saveCache(...args: Parameters<typeof ActionsCache.saveCache>): ReturnType<typeof ActionsCache.saveCache> {
  return (await available()).saveCache(...args)
}
