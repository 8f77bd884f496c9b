// Each clip's log lines, and one closing line per clip saying what became of it (the words of ./clip-story.ts, as
// in the summary). A single clip's lines stream live (src/run/generation.ts puts them in a group). A batch's clips
// run side by side, so their lines are kept per clip and written as that clip's group when it ends: lines of two
// clips never interleave inside a group. The lines that name a task (submitted, resumed) are written live as well,
// prefixed with the clip's name, so a task id is in the log the moment it exists, even if the job is killed
// before the clip ends.
import * as log from '../log'
import type { ClipResult } from './clip-result'
import { storyOf, type ClipStory, type StoryContext } from './clip-story'
import { formatCredits } from './outputs'
import { sizeText, workspacePath } from './shown-paths'

/** Lines that name a task this step submitted or adopted: also written live in a batch. */
const TASK_LINE = /^(Submitted task|Resuming task) /

export class ClipLog {
  private readonly lines = new Map<string, string[]>()
  private readonly closing: string[] = []

  constructor(
    private readonly batch: boolean,
    private readonly workspace: string,
    /** The words' context now (the budget as it stands when a clip ends). */
    private readonly context: () => StoryContext,
  ) {}

  /** One line of `clip`'s log. */
  line(clip: string, text: string): void {
    if (!this.batch) return log.info(text)
    const kept = this.lines.get(clip) ?? []
    kept.push(text)
    this.lines.set(clip, kept)
    if (TASK_LINE.test(text)) log.info(`[${clip}] ${text}`)
  }

  /** A clip ended: in a batch its group and closing line are written now; a single clip's closing line waits for {@link close}. */
  ended(result: ClipResult): void {
    const closing = closingLine(result, storyOf(result, this.context()), this.workspace)
    if (!this.batch) {
      this.closing.push(closing)
      return
    }
    const kept = this.lines.get(result.name) ?? []
    this.lines.delete(result.name)
    if (kept.length > 0) log.groupOf(`${result.name} (${kept.length} log line${kept.length === 1 ? '' : 's'})`, kept)
    log.info(closing)
  }

  /** Writes what is still held: the closing lines of clips that ran alone (after their group has ended). */
  close(): void {
    for (const line of this.closing.splice(0)) log.info(line)
  }
}

/** `✅ fox: made · clips/fox.mp4 (7.9 KB) · 5 credits`, or `❌ hike: generation failed. FoxAPI could not make it: …`. */
export function closingLine(result: ClipResult, story: ClipStory, workspace: string): string {
  if (story.problem) return `${story.icon} ${result.name}: ${story.label}. ${story.happened} Next: ${story.next}`
  const parts = [`${story.icon} ${result.name}: ${story.label}`]
  const size = result.bytes ?? result.metadata?.bytes
  if (result.videoPath) parts.push(`${workspacePath(result.videoPath, workspace)}${size !== undefined ? ` (${sizeText(size)})` : ''}`)
  if (result.asset?.id !== undefined) parts.push(`asset ${result.asset?.id}`)
  if (result.credits !== undefined) parts.push(`${formatCredits(result.credits)} credits`)
  if (result.outcome === 'submitted' || story.icon === '⚠️') parts.push(story.next)
  return parts.join(' · ')
}
