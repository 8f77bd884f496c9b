// "The clip is playable and is what was asked": the structural checks of a downloaded or restored file, and the
// file's metadata held against the request. Pure, apart from reading the file (./clip-reader.ts).
import { messageOf } from '../errors'
import type { ClipMetadata, StructuralCheck } from './clip-metadata'
import { readClip } from './clip-reader'
import * as log from '../log'
import type { GenerationRequest } from '../models/model'
import type { VerifyMode } from '../inputs/clip-spec'
import { expectedShapeOf, type ExpectedShape } from '../models/expected-shape'
import { ASPECT_TOLERANCE, ratioName, ratioOf, shapeLine } from './clip-shape'

/** How many times a clip that fails a structural check is downloaded in all (from the same URL) before the clip fails. */
export const BROKEN_CLIP_DOWNLOADS = 2

/** A file that failed a structural check: it does not parse, has no video track, or is cut short. */
export class BrokenClipError extends Error {
  constructor(
    readonly check: StructuralCheck,
    readonly problem: string,
  ) {
    super(`the clip failed the structural check '${check}': ${problem}`)
    this.name = 'BrokenClipError'
  }
}

/**
 * `passed`: every shape the request fixes matched; `mismatch`: these did not; `skipped`: nothing was compared
 * (`verify: off`, a model the action does not know, a task collected by id, or a request that fixes nothing).
 */
export type Verification = { status: 'passed' } | { status: 'mismatch'; mismatches: string[] } | { status: 'skipped' }

/** The `verify` field of a results row: `passed`, `mismatch: …` or `skipped` (also when there is no file). */
export function verificationText(verification: Verification | undefined): string {
  if (!verification) return 'skipped'
  return verification.status === 'mismatch' ? `mismatch: ${verification.mismatches.join('; ')}` : verification.status
}

/**
 * Reads `file`'s metadata (in a worker under a memory and time limit: ./clip-reader.ts); throws BrokenClipError
 * when a structural check fails. Every clip passes here, whatever `verify` says: `verify` only decides whether
 * the metadata is held against the request.
 */
export async function inspectClip(file: string): Promise<ClipMetadata> {
  const reading = await readClip(file)
  if (!reading.ok) throw new BrokenClipError(reading.check, reading.problem)
  return reading.metadata
}

/** The larger of 0.5 s and 5 % of the requested length. */
export function durationTolerance(seconds: number): number {
  return Math.max(0.5, seconds * 0.05)
}

/** Each way the clip differs from what was asked, in words; empty when it matches. */
export function mismatchesOf(metadata: ClipMetadata, expected: ExpectedShape): string[] {
  const mismatches: string[] = []
  const { width, height } = metadata
  if (expected.aspectRatio !== undefined) {
    const wanted = ratioOf(expected.aspectRatio)
    if (!(Math.abs(width / height / wanted - 1) <= ASPECT_TOLERANCE)) {
      mismatches.push(`aspect ratio ${ratioName(width, height)} (${width}×${height}), asked ${expected.aspectRatio}`)
    }
  }
  if (expected.durationS !== undefined) {
    const tolerance = durationTolerance(expected.durationS)
    if (!(Math.abs(metadata.durationS - expected.durationS) <= tolerance)) {
      mismatches.push(`duration ${metadata.durationS.toFixed(1)} s, asked ${expected.durationS} s (±${tolerance.toFixed(1)} s)`)
    }
  }
  if (expected.shortSide !== undefined && Math.min(width, height) !== expected.shortSide) {
    mismatches.push(
      `short side ${Math.min(width, height)} px (${width}×${height}), asked ${expected.resolution ?? expected.shortSide} (${expected.shortSide} px)`,
    )
  }
  if (expected.audio && !metadata.hasAudio) mismatches.push('no audio track, asked generate-audio: true')
  return mismatches
}

/** The clip held against `request` as `verify` says: skipped when off, when nothing is known to compare, or nothing is fixed. */
export function verifyClip(metadata: ClipMetadata, request: GenerationRequest | undefined, mode: VerifyMode): Verification {
  const expected = mode === 'off' ? undefined : expectedShapeOf(request)
  if (!expected || Object.keys(expected).length === 0) return { status: 'skipped' }
  const mismatches = mismatchesOf(metadata, expected)
  return mismatches.length > 0 ? { status: 'mismatch', mismatches } : { status: 'passed' }
}

/**
 * Runs `download` until its file passes the structural checks (its `inspect` throws BrokenClipError otherwise),
 * at most BROKEN_CLIP_DOWNLOADS times. Always the same task's URL: a broken file never costs a new task.
 */
export async function downloadUntilWhole<T>(download: () => Promise<T>, log: (line: string) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await download()
    } catch (error) {
      if (!(error instanceof BrokenClipError)) throw error
      if (attempt >= BROKEN_CLIP_DOWNLOADS) {
        throw new Error(
          `The downloaded clip is broken, also when downloaded again from the same URL (${attempt} downloads): it failed the structural check '${error.check}': ${error.problem}. It was not saved`,
          { cause: error },
        )
      }
      log(`The downloaded clip failed the structural check '${error.check}' (${error.problem}); downloading it again from the same URL.`)
    }
  }
}

/** What the runner does with a clip's verification: a mismatch fails the clip (`fail`) or is a warning (`warn`). */
export function mismatchVerdict(verification: Verification, mode: VerifyMode): 'fail' | 'warn' | undefined {
  if (verification.status !== 'mismatch') return undefined
  return mode === 'fail' ? 'fail' : 'warn'
}

/** `The clip does not match the request: duration 5.0 s, asked 10 s (±0.5 s)`. */
export function mismatchText(verification: Verification): string {
  return verification.status === 'mismatch' ? `The clip does not match the request: ${verification.mismatches.join('; ')}` : ''
}

/** What the checks of one clip need: its request, the `verify` mode, a log-line prefix (a batch entry's name) and its log. */
export interface VerifyContext {
  request: GenerationRequest | undefined
  mode: VerifyMode
  /** `[name] ` in a batch, empty for a single clip: starts the warning of a mismatch. */
  label: string
  log: (line: string) => void
}

/** A clip's file held against its request: what it is, how it compares, and what the run makes of a mismatch. */
export interface HeldClip {
  metadata: ClipMetadata
  verification: Verification
  /** `fail`: with `verify: fail` the clip does not match; `warn`: it does not, and that is a warning; else it matches. */
  verdict: 'fail' | 'warn' | undefined
}

/** Holds `metadata` against the request: logs the clip's shape, warns of a mismatch under `verify: warn`. */
export function holdAgainstRequest(metadata: ClipMetadata, ctx: VerifyContext): HeldClip {
  const verification = verifyClip(metadata, ctx.request, ctx.mode)
  ctx.log(`Clip: ${shapeLine(metadata)} (verify ${verification.status}).`)
  const verdict = mismatchVerdict(verification, ctx.mode)
  if (verdict === 'warn') log.warning(`${ctx.label}${mismatchText(verification)} (verify: warn).`)
  return { metadata, verification, verdict }
}

/** A clip restored from the cache, checked as a download is: it fits (and what it is), or why it is a miss. */
export type RestoredCheck = { fits: true; held: HeldClip } | { fits: false; why: string }

/**
 * Checks a clip file from a cache entry before it is placed anywhere. It does not fit (a cache miss) when it fails
 * a structural check, or with `verify: fail` does not match the request.
 */
export async function checkRestoredClip(file: string, ctx: VerifyContext): Promise<RestoredCheck> {
  try {
    const held = holdAgainstRequest(await inspectClip(file), ctx)
    return held.verdict === 'fail' ? { fits: false, why: mismatchText(held.verification) } : { fits: true, held }
  } catch (error) {
    const why =
      error instanceof BrokenClipError ? `The restored clip: ${error.message}` : `The restored clip could not be read (${messageOf(error)})`
    return { fits: false, why }
  }
}
