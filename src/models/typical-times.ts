// How long a task of each model family typically runs, as the polling schedule's prior when FoxAPI gives no
// `task_info.estimated_time` (src/foxapi/poll-schedule.ts looks for the end from 3/4 to 1.5 times it).
// These are rough assumptions, not measurements: FoxAPI publishes no run times, and a task's time also grows
// with its duration, resolution and FoxAPI's queue. They lean low on purpose: a typical time too low costs
// requests (past the window the action polls every 5 s, as fixed polling would), while one too high makes the
// action look late at a task that ended early (up to `poll-interval` late). Progress, once it moves, corrects
// either. The model registry will carry these per model; until then, families are matched by name prefix.

/** Typical run times in seconds, by model name prefix; the longest matching prefix wins. */
const TYPICAL_SECONDS: readonly (readonly [prefix: string, seconds: number])[] = [
  ['kling-', 90],
  ['kling-video-create-voice', 20],
  ['sora-2', 120],
  ['sora-2-pro', 180],
  ['sora-2-character', 20],
  ['veo-3.1', 60],
  ['veo3.1', 60],
  ['veo-3.1-fast', 40],
  ['veo3.1-fast', 40],
  ['veo-3.1-lite', 40],
  ['veo-3.1-extend-fast', 40],
  ['seedance-2.0', 60],
  ['seedance-2.0-fast', 40],
  ['wan-2.7', 90],
  ['happyhorse-', 60],
  ['grok-imagine-', 30],
  ['vidu-q3', 45],
  ['vidu-q3-turbo', 30],
  // Lip-sync and avatars: a clip's worth of audio-driven frames; agents that write and render a whole video take longer.
  ['lipsync-2', 45],
  ['sync-3', 45],
  ['omnihuman-', 90],
  ['creatify-aurora', 90],
  ['heygen-video-agent', 180],
  ['pixverse-', 40],
]

/** The typical run time of a task of `model`, in seconds (a rough assumption, see above); undefined for a model of no known family. */
export function typicalSecondsOf(model: string): number | undefined {
  let best: readonly [string, number] | undefined
  for (const entry of TYPICAL_SECONDS) {
    if (model.startsWith(entry[0]) && entry[0].length > (best?.[0].length ?? 0)) best = entry
  }
  return best?.[1]
}
