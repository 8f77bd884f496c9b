// The `matrix` output: one row per clip, for a later job's `strategy.matrix` (examples/matrix.yml).
import type { ClipSpec } from '../inputs/clip-spec'

/** `strategy.matrix` JSON with one row per clip: its name, nothing else (never a secret, never a prompt). */
export function matrixOf(clips: readonly ClipSpec[]): string {
  return JSON.stringify({ include: clips.map((clip) => ({ name: clip.name })) })
}
