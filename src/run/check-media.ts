// The last check of the workspace files a run will upload, before anything is sent (the dry run and the paid run
// start with it, src/run/dry-run.ts and src/run/generation.ts, right after the input checks): a file whose first
// bytes say MP4 or MOV is read whole by the MP4 reader (src/clip/clip-metadata.ts, mp4box), which must find a movie
// it can parse, with a video track and no sample past the end of the file. It is read as every clip is, in the
// reader's worker under its memory and time limits (src/clip/clip-reader.ts): a hostile file in the workspace is
// no safer than a hostile download, and the MP4 library never loads in the step's own thread. The input checks are
// synchronous and read only signatures; the MP4 reader reads boxes in chunks and asynchronously, so it runs here,
// once per content.
import path from 'node:path'
import { readClip } from '../clip/clip-reader'
import { messageOf } from '../errors'
import * as log from '../log'
import type { ClipSpec } from '../inputs/clip-spec'
import type { MediaFile } from '../media/media-files'
import { realWorkspace, shownPath } from '../security/workspace-files'

/**
 * Checks the workspace videos `clips` name; when any cannot be used, lists each problem as the input problems are
 * listed, fails the step and returns true (nothing was sent).
 */
export async function refuseUnusableMedia(clips: readonly ClipSpec[], workspace: string): Promise<boolean> {
  if (!clips.some((clip) => clip.media?.some((file) => file.kind === 'video'))) return false
  const problems = await checkMediaContents(clips, workspace)
  if (problems.length === 0) return false
  for (const problem of problems) log.error(problem)
  log.setFailed(`${problems.length} input problem${problems.length === 1 ? '' : 's'} (listed above); nothing was sent to FoxAPI.`)
  return true
}

/** The problems of the workspace videos `clips` name, each named after its input; none when every one is a readable video. */
export async function checkMediaContents(clips: readonly ClipSpec[], workspace: string): Promise<string[]> {
  const videos = clips.flatMap((clip) => (clip.media ?? []).filter((file) => file.kind === 'video'))
  const verdicts = new Map<string, Promise<string | undefined>>()
  const problems: string[] = []
  for (const file of videos) {
    let verdict = verdicts.get(file.sha256)
    if (verdict === undefined) verdicts.set(file.sha256, (verdict = videoProblem(file, workspace)))
    const problem = await verdict
    if (problem !== undefined) problems.push(`${file.input}: ${problem}`)
  }
  return [...new Set(problems)]
}

/** Why the video `file` cannot be uploaded, or undefined when the MP4 reader reads it as a whole clip. */
async function videoProblem(file: MediaFile, workspace: string): Promise<string | undefined> {
  const shown = shownPath(file.path)
  try {
    const reading = await readClip(path.join(realWorkspace(workspace), ...file.path.split('/')))
    if (reading.ok) return undefined
    return `${shown} starts like ${file.type.name === 'mp4' ? 'an MP4' : 'a MOV'} video, but the MP4 reader cannot use it: ${reading.problem}`
  } catch (error) {
    return `cannot read ${shown} (${messageOf(error)})`
  }
}
