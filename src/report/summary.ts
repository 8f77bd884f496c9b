// The job summary a person reads after a run: a headline first (how many clips were made, the credits, the period's
// budget, each failure named), then the clips that need attention, then the others, each with what happened, the
// next step and what to check before publishing (./clip-card.ts); entries not due; and a line on reuse. The words
// of each clip come from one reading of its result (./clip-story.ts), shared with the log's closing lines.
// Every element is built closed (./html.ts) and every piece of outside text is escaped; the whole text is scrubbed of
// the runner's absolute paths and of secrets, and kept under the summary's size limit.
import type { NotDueEntry, ReuseSettings } from '../inputs/clip-spec'
import { redact } from '../secrets'
import { MAX_SUMMARY_BYTES, writeSummaryHtml } from './actions-io'
import { budgetLine, type BudgetView } from './budget-view'
import { clipCard } from './clip-card'
import { withCronWords } from '../inputs/cron-words'
import type { ClipResult } from './clip-result'
import { storyOf, type ClipStory, type StoryContext } from './clip-story'
import { el, join, type Html } from './html'
import { formatCredits, totalCredits } from './outputs'
import { scrubRunnerPaths, sizeText, workspacePath } from './shown-paths'

export { cell, escapeHtml } from './html'

export interface SummaryOptions {
  batch: boolean
  maxCredits?: number
  /** The budget the run counted against (max-credits, of the period or of this step). */
  budget?: BudgetView
  /** What a cache hit may serve, said in plain words at the end. */
  reuse?: ReuseSettings['mode']
  /** Batch entries the calendar left out of this run. */
  notDue?: readonly NotDueEntry[]
  /** The workspace paths are shown relative to (default GITHUB_WORKSPACE, else the current directory). */
  workspace?: string
  /** Other sentences about the run as a whole. */
  notes?: readonly string[]
}

/**
 * Writes the job summary. Never throws: without GITHUB_STEP_SUMMARY (a local run, an old runner) or when the
 * write fails, it warns and the run's result stands.
 */
export async function writeSummary(results: ClipResult[], options: SummaryOptions): Promise<void> {
  await writeSummaryHtml(renderSummary(results, options))
}

/**
 * The summary's HTML, redacted, at most `maxBytes`: clips that do not fit are left out (the ones that need
 * attention are shown first), with a note. Exported for tests.
 */
export function renderSummary(results: ClipResult[], options: SummaryOptions, maxBytes = MAX_SUMMARY_BYTES): string {
  const context: StoryContext = { batch: options.batch, ...(options.budget ? { budget: options.budget } : {}) }
  const stories = results.map((result) => storyOf(result, context))
  for (let shown = results.length; ; shown = Math.max(0, Math.min(shown - 1, Math.floor(shown * 0.9)))) {
    const html = redact(scrubRunnerPaths(summaryHtml(results, stories, options, shown).html))
    if (Buffer.byteLength(html) <= maxBytes || shown === 0) return `${html}\n`
  }
}

function summaryHtml(results: ClipResult[], stories: ClipStory[], options: SummaryOptions, shown: number): Html {
  const workspace = options.workspace ?? (process.env.GITHUB_WORKSPACE || process.cwd())
  // Those that need attention first, each group in batch order.
  const order = results.map((_, i) => i).sort((a, b) => Number(stories[b]?.problem) - Number(stories[a]?.problem) || a - b)
  const many = options.batch || results.length > 1
  const cards = order
    .slice(0, shown)
    .map((i) => clipCard(results[i] as ClipResult, stories[i] as ClipStory, workspace, many ? undefined : 'The clip'))
  return join([
    el('h3', undefined, headline(results, stories, options)),
    many && results.length > 0 ? overview(results, stories, order, workspace) : undefined,
    ...cards,
    shown < results.length
      ? el(
          'p',
          undefined,
          `${results.length - shown} more clip(s) not shown: the summary is capped at ${MAX_SUMMARY_BYTES} bytes. The results output lists every clip.`,
        )
      : undefined,
    notDueSection(options.notDue ?? []),
    footer(options),
  ])
}

/** The headline alone (the log's last line): the same words as the summary's first. */
export function summaryHeadline(results: ClipResult[], options: SummaryOptions): string {
  const context: StoryContext = { batch: options.batch, ...(options.budget ? { budget: options.budget } : {}) }
  return headline(
    results,
    results.map((result) => storyOf(result, context)),
    options,
  )
}

/** `✅ 2 of 3 clips made · 10 credits · December 2026: 25 of 40 credits used · ❌ hike: generation failed`. */
export function headline(
  results: readonly ClipResult[],
  stories: readonly ClipStory[],
  options: Pick<SummaryOptions, 'batch' | 'budget' | 'notDue'>,
): string {
  const total = results.length
  const count = (kind: ClipStory['kind']) => stories.filter((s) => s.kind === kind).length
  const [made, reused, submitted] = [count('made'), count('reused'), count('submitted')]
  const parts: string[] = []
  // A clip alone (not a batch) is named by what became of it: "Clip: wrong shape".
  const single = total === 1 && !options.batch ? stories[0] : undefined
  if (total === 0)
    parts.push(`💤 No clip due on this run${options.notDue?.length ? ` (${options.notDue.length} not due)` : ''} · nothing sent to FoxAPI`)
  else if (single) parts.push(`${single.icon} Clip: ${single.label}`)
  else {
    const ok = made + reused + submitted
    const icon = ok === total ? '✅' : ok === 0 ? '❌' : '⚠️'
    const of = `${ok} of ${total} clip${total === 1 ? '' : 's'}`
    if (submitted > 0 && made + reused === 0) parts.push(`📨 ${of} submitted, not waited for`)
    else if (reused === 0) parts.push(`${icon} ${of} made`)
    else if (made === 0 && submitted === 0) parts.push(`${icon} ${of} reused from the cache`)
    else parts.push(`${icon} ${of} ready (${made} made, ${reused} reused from the cache${submitted > 0 ? `, ${submitted} submitted` : ''})`)
  }
  if (total > 0) {
    const credits = totalCredits([...results])
    parts.push(`${formatCredits(credits)} credit${credits === 1 ? '' : 's'}`)
  }
  if (options.budget) parts.push(budgetLine(options.budget))
  const problems = single ? [] : stories.map((story, i) => ({ story, name: results[i]?.name ?? '' })).filter((p) => p.story.problem)
  for (const { story, name } of problems.slice(0, 5)) parts.push(`${story.icon} ${name}: ${story.label}`)
  if (problems.length > 5) parts.push(`and ${problems.length - 5} more that need attention`)
  return parts.join(' · ')
}

/** A batch at a glance: each clip, what became of it, and its file. */
function overview(results: ClipResult[], stories: ClipStory[], order: number[], workspace: string): Html {
  const header = el(
    'tr',
    undefined,
    el('th', { align: 'left' }, 'Clip'),
    el('th', { align: 'left' }, 'Result'),
    el('th', { align: 'left' }, 'File'),
  )
  const rows = order.map((i) => {
    const result = results[i] as ClipResult
    const story = stories[i] as ClipStory
    const size = result.bytes ?? result.metadata?.bytes
    const file = result.videoPath
      ? join([el('code', undefined, workspacePath(result.videoPath, workspace)), size !== undefined ? ` · ${sizeText(size)}` : undefined])
      : '—'
    return el(
      'tr',
      undefined,
      el('td', undefined, el('b', undefined, result.name)),
      el('td', undefined, `${story.icon} ${story.label}`),
      el('td', undefined, file),
    )
  })
  return el('table', undefined, el('thead', undefined, header), el('tbody', undefined, ...rows))
}

function notDueSection(notDue: readonly NotDueEntry[]): Html | undefined {
  if (notDue.length === 0) return undefined
  const shown = notDue.slice(0, 50)
  return join([
    el('h4', undefined, `💤 Not due on this run (${notDue.length})`),
    el(
      'ul',
      undefined,
      ...shown.map((entry) => el('li', undefined, el('b', undefined, entry.name), `: ${withCronWords(entry.reason)}`)),
      notDue.length > shown.length ? el('li', undefined, `and ${notDue.length - shown.length} more`) : undefined,
    ),
    el('p', undefined, 'Nothing to do: they run on the days their calendar names. Nothing was sent for them.'),
  ])
}

const REUSE_WORDS: Readonly<Record<ReuseSettings['mode'], string>> = {
  run: 'Each new run of this workflow makes fresh clips; re-running this run reuses its clips and pays nothing more.',
  request: 'A clip is reused from the Actions cache whenever the same request comes again; a new cache-key asks for a new take (paid).',
}

function footer(options: SummaryOptions): Html | undefined {
  const lines = [
    ...(options.reuse ? [REUSE_WORDS[options.reuse]] : []),
    ...(options.budget === undefined && options.maxCredits !== undefined ? [`max-credits: ${formatCredits(options.maxCredits)}.`] : []),
    'Credits are what FoxAPI reserved for the tasks this step sent (FoxAPI publishes no price list).',
    ...(options.notes ?? []),
  ]
  return el('p', undefined, el('sub', undefined, join(lines, el('br', undefined))))
}
