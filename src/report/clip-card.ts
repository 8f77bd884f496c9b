// One clip's section of the job summary: its name and what became of it, what happened and what to do next, then
// what a person checks before publishing (the prompt as sent, model and settings, the shape, the file, the FoxAPI
// link and when it expires, or the asset of a model that makes no video, the media used, the AI label) and, folded
// away, what an engineer looks up (task id, SHA-256, cache key, timings, why the run decided what it did).
import { shapeLine } from '../clip/clip-shape'
import { runLabel, runOfThisRepository } from '../run-origin'
import type { ClipResult } from './clip-result'
import type { ClipStory } from './clip-story'
import { durationWords, linkExpiry, mediaWords, promptShown, settingsWords } from './clip-words'
import { el, join, link, text, type Child, type Html } from './html'
import { formatCredits } from './outputs'
import { sizeText, workspacePath } from './shown-paths'

/** The section of one clip, titled with its name (or `title`) and what became of it. */
export function clipCard(result: ClipResult, story: ClipStory, workspace: string, title = result.name): Html {
  const rows: [string, Child][] = [
    ['Prompt', promptCell(result)],
    ['Model', settingsWords(result.request, result.task?.model)],
    ['Shape', shapeCell(result)],
    ['File', fileCell(result, workspace)],
    ['FoxAPI link', linkCell(result)],
    ['Asset id', assetCell(result)],
    ['Media used', mediaCell(result, workspace)],
    ['AI label', labelCell(result)],
  ]
  return join([
    el('h4', undefined, `${story.icon} ${title} · ${story.label}`),
    el('p', undefined, text(story.happened), el('br', undefined), el('b', undefined, 'Next: '), text(story.next)),
    fieldTable(rows),
    el('details', undefined, el('summary', undefined, 'Technical details'), fieldTable(detailRows(result))),
  ])
}

/** A table of a field per row, leaving out fields with nothing to show. */
export function fieldTable(rows: readonly [string, Child][]): Html {
  const shown = rows.filter(([, value]) => value !== undefined && value !== false && value !== '')
  return el(
    'table',
    undefined,
    ...shown.map(([name, value]) => el('tr', undefined, el('th', { align: 'left' }, name), el('td', undefined, value))),
  )
}

function promptCell(result: ClipResult): Html | undefined {
  const prompt = promptShown(result.request)
  return prompt === undefined ? undefined : text(`“${prompt}”`)
}

/** `✔ 720×1280 · 9:16 · 8.0 s · H.264 · no audio`, or the shape with what differs from what was asked. */
function shapeCell(result: ClipResult): Html | undefined {
  if (!result.metadata) return undefined
  const shape = shapeLine(result.metadata)
  const verification = result.verification
  if (verification?.status === 'mismatch')
    return join(['⚠️ ', shape, el('br', undefined), `not as asked: ${verification.mismatches.join('; ')}`])
  return join([verification?.status === 'passed' ? '✔ ' : '', shape, verification?.status === 'passed' ? ' (as asked)' : ' (not compared)'])
}

function fileCell(result: ClipResult, workspace: string): Html | undefined {
  if (!result.videoPath) return undefined
  const size = result.bytes ?? result.metadata?.bytes
  const made = result.cacheHit && result.madeBy ? runOfThisRepository(result.madeBy) : undefined
  return join([
    el('code', undefined, workspacePath(result.videoPath, workspace)),
    size !== undefined ? ` · ${sizeText(size)}` : undefined,
    made ? join([' · made by ', link(made.url, runLabel(made)) ?? runLabel(made)]) : undefined,
  ])
}

/** The FoxAPI link, labelled with when it stops working (FoxAPI keeps clips 24 hours). */
function linkCell(result: ClipResult): Html | undefined {
  if (result.cacheHit) return undefined
  const anchor = link(result.videoUrl, 'Download from FoxAPI')
  if (!anchor) return undefined
  const expiry = linkExpiry(result.task?.created)
  return join([anchor, expiry ? ` · works until ${expiry} (24 h after it was made)` : ' · works for 24 hours after the clip was made'])
}

/** `character_id <code>char-…</code> (Foxy)`: the field FoxAPI answered, the id, and the name a character carries. */
function assetCell(result: ClipResult): Html | undefined {
  const asset = result.asset
  if (asset?.id === undefined) return undefined
  return join([`${asset.field} `, el('code', undefined, asset.id), asset.name !== undefined ? ` (${asset.name})` : undefined])
}

function mediaCell(result: ClipResult, workspace: string): Html | undefined {
  const words = mediaWords(result, workspace)
  return words.length > 0 ? join(words, el('br', undefined)) : undefined
}

/** "AI-generated with <model>", and whether the file carries content credentials (C2PA). */
function labelCell(result: ClipResult): Html | undefined {
  const model = result.request?.model ?? result.task?.model
  if (!model || (!result.metadata && !result.videoUrl)) return undefined
  const credentials = result.metadata?.contentCredentials
  const carried = credentials === 'present' ? 'in the file' : credentials === 'absent' ? 'none in the file' : undefined
  return join([`AI-generated with ${model}`, carried ? ` · content credentials (C2PA): ${carried}` : undefined])
}

function detailRows(result: ClipResult): [string, Child][] {
  const created = result.task?.created
  const madeAt =
    created !== undefined && Number.isFinite(created) && created > 0
      ? new Date(created * 1000).toISOString().slice(0, 16).replace('T', ' ')
      : undefined
  return [
    ['Task id', result.taskId !== undefined ? el('code', undefined, result.taskId) : undefined],
    ['Task status', result.status],
    [
      'Credits',
      result.credits !== undefined ? `${formatCredits(result.credits)} reserved by this step's task` : 'none reserved by this step',
    ],
    ['SHA-256', result.sha256 !== undefined ? el('code', undefined, result.sha256) : undefined],
    ['Cache key', result.cacheKey !== undefined ? el('code', undefined, result.cacheKey) : undefined],
    ['Time', join([`${durationWords(result.elapsedMs)} in this step`, madeAt ? ` · task made ${madeAt} UTC` : undefined])],
    ['Decision', `${result.decision.action}: ${result.decision.why}`],
    ['Message', result.error !== undefined ? text(result.error) : undefined],
  ]
}
