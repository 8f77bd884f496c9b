// The `matrix` output: one row per clip, for a later job's `strategy.matrix` (examples/matrix.yml).
import type { ClipSpec } from '../inputs/clip-spec'
import { setOutputOrFile } from './actions-io'

/** `strategy.matrix` JSON with one row per clip: its name, nothing else (never a secret, never a prompt). */
export function matrixOf(clips: readonly ClipSpec[]): string {
  return JSON.stringify({ include: clips.map((clip) => ({ name: clip.name })) })
}

/**
 * Sets the `matrix` output, held to the output size limit like every output that can grow (past it, the
 * value goes to the file named by `matrix-file`). Entry names are capped (entryNameProblem), so a batch
 * within its limits stays far below it.
 */
export function writeMatrix(clips: readonly ClipSpec[]): void {
  setOutputOrFile('matrix', matrixOf(clips))
}
