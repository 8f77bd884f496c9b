// What became of a clip, in honest words and with a next step: made, reused from the cache, not the shape asked,
// generation failed, skipped by the budget, left running at FoxAPI, and so on. One reading of a clip's result
// (src/report/clip-result.ts, with the decision src/run/clip-decision.ts made) that the summary's headline, its
// clip sections and the log's closing line per clip all use, so they never contradict each other. Pure.
import { taskErrorText } from '../foxapi/task'
import type { BudgetView } from './budget-view'
import type { ClipResult } from './clip-result'
import { formatCredits } from './outputs'

export type StoryKind =
  'made' | 'reused' | 'submitted' | 'wrong-shape' | 'generation-failed' | 'failed' | 'skipped' | 'left-running' | 'stopped'

export interface ClipStory {
  kind: StoryKind
  icon: string
  /** A few words: `made`, `reused from the cache`, `wrong shape`, `generation failed`, `skipped: budget reached`. */
  label: string
  /** What happened, in a sentence or two. */
  happened: string
  /** What to do next. */
  next: string
  /** Needs someone's attention: named in the headline and shown first. */
  problem: boolean
}

/** What the words of a clip depend on besides its result. */
export interface StoryContext {
  batch: boolean
  budget?: BudgetView
}

/** The story of one clip's result. */
export function storyOf(result: ClipResult, context: StoryContext): ClipStory {
  switch (result.outcome) {
    case 'succeeded':
      return result.cacheHit ? reused() : made(result)
    case 'submitted':
      return {
        kind: 'submitted',
        icon: '📨',
        label: 'submitted, not waited for',
        happened: `Sent to FoxAPI as task ${result.taskId ?? '?'}; the step did not wait for it (wait: false).`,
        next: `Collect it when it is done, without paying again: ${collectWords(result, context)}.`,
        problem: false,
      }
    case 'failed':
      return failed(result, context)
    case 'skipped':
      return skipped(result, context)
    case 'timed-out':
    case 'stopped':
      return waitEnded(result, context)
  }
}

function made(result: ClipResult): ClipStory {
  const credits = result.credits !== undefined ? ` for ${formatCredits(result.credits)} credits` : ''
  const collected = result.decision.action === 'collect' || result.decision.action === 'resume'
  const origin = collected
    ? `Collected task ${result.taskId ?? '?'}, which an earlier run paid for: nothing new was paid.`
    : `Made by FoxAPI${credits}.`
  const mismatch = result.verification?.status === 'mismatch' ? result.verification.mismatches.join('; ') : undefined
  if (mismatch !== undefined)
    return {
      kind: 'made',
      icon: '⚠️',
      label: 'made, not the shape asked',
      happened: `${origin} It is not the shape asked (${mismatch}); verify: warn let it through.`,
      next: 'Look at it before publishing. For a take of the right shape (paid), set a new cache-key.',
      problem: false,
    }
  if (!result.videoPath && result.asset?.id !== undefined)
    return {
      kind: 'made',
      icon: '✅',
      label: 'made',
      happened: `${origin} It is an asset (id ${result.asset?.id}), not a video file.`,
      next: 'Use its asset id (the asset-id output) in the next steps.',
      problem: false,
    }
  const checked = !result.videoPath
    ? ' Not downloaded (download: false): use the FoxAPI link while it works.'
    : result.verification?.status === 'passed'
      ? ' Checked: a whole MP4 of the shape asked.'
      : ' Checked: a whole MP4 (its shape was not compared: verify: off or nothing to compare).'
  return {
    kind: 'made',
    icon: '✅',
    label: 'made',
    happened: `${origin}${checked}`,
    next: result.videoPath
      ? 'Ready for the next steps of the workflow. Label it as AI-generated when you publish it.'
      : 'Download it within 24 hours.',
    problem: false,
  }
}

function reused(): ClipStory {
  return {
    kind: 'reused',
    icon: '♻️',
    label: 'reused from the cache',
    happened: 'Reused from the Actions cache, checked again: nothing was sent to FoxAPI and no credits were spent.',
    next: 'Nothing to do. For a new take of the same request (paid), set a new cache-key.',
    problem: false,
  }
}

function failed(result: ClipResult, context: StoryContext): ClipStory {
  if (result.verification?.status === 'mismatch' && result.videoPath)
    return {
      kind: 'wrong-shape',
      icon: '❌',
      label: 'wrong shape',
      happened: `FoxAPI made it, but not the shape asked: ${result.verification.mismatches.join('; ')}. The file is kept.`,
      next:
        "Re-running won't change it: a re-run collects the same task and gets the same clip. To use this clip, set verify: warn; " +
        'for a new take (paid), set a new cache-key.',
      problem: true,
    }
  if (result.status === 'failed' || result.status === 'cancelled') {
    const reason = result.status === 'failed' && result.task ? taskErrorText(result.task) : 'the task was cancelled at FoxAPI'
    return {
      kind: 'generation-failed',
      icon: '❌',
      label: 'generation failed',
      happened: `FoxAPI could not make it: “${reason}”.`,
      next: "Change what FoxAPI's reason points at (the prompt, an image, a setting), then re-run: it is sent again and paid again.",
      problem: true,
    }
  }
  if (result.status === 'not-submitted')
    return {
      kind: 'failed',
      icon: '❌',
      label: 'failed before sending',
      happened: `Not sent to FoxAPI, nothing paid: ${result.error ?? 'it failed before anything was sent'}`,
      next: 'Fix what the message names, then re-run.',
      problem: true,
    }
  return {
    kind: 'failed',
    icon: '❌',
    label: 'failed',
    happened: result.error ?? `The clip failed (task status ${result.status}).`,
    next: result.taskId
      ? `The task is paid for. Collect it without paying again: ${collectWords(result, context)}.`
      : 'Fix what the message names, then re-run.',
    problem: true,
  }
}

function skipped(result: ClipResult, context: StoryContext): ClipStory {
  const why = result.decision.why
  const { budget } = context
  if (/max-credits/.test(why)) {
    const label = budget ? `the budget for ${budget.label}` : 'the credit budget'
    const spent = budget
      ? budget.blocked !== undefined
        ? ` (${budget.blocked})`
        : ` (${formatCredits(budget.used)} of ${formatCredits(budget.limit)} credits used)`
      : ''
    const resets = budget?.resets ? `It starts again on ${budget.resets}. ` : ''
    const raise = budget ? `raise max-credits (now ${formatCredits(budget.limit)})` : 'raise max-credits'
    return {
      kind: 'skipped',
      icon: '⏭️',
      label: 'skipped: budget reached',
      happened: `Not sent to FoxAPI: ${label} is used up${spent}. Nothing was paid.`,
      next: budget?.resets
        ? `${resets}To make it sooner, ${raise} and re-run.`
        : `To make it, ${raise} and re-run: clips already made are reused.`,
      problem: true,
    }
  }
  const failFast = /fail-fast/.test(why)
  return {
    kind: 'skipped',
    icon: '⏭️',
    label: failFast ? 'not started (fail-fast)' : 'not started',
    happened: `Not sent to FoxAPI, nothing paid: ${why.replace(/^not started: /, '')}.`,
    next: failFast
      ? 'Fix the clip that failed, then re-run: clips already made are reused from the cache.'
      : 'Re-run the workflow: clips already made are reused from the cache.',
    problem: true,
  }
}

function waitEnded(result: ClipResult, context: StoryContext): ClipStory {
  const progress = result.progress !== undefined ? `, ${Math.round(result.progress)}% done` : ''
  const why = result.outcome === 'timed-out' ? 'the step stopped waiting (timeout)' : 'the run was cancelled'
  if (result.leftRunning)
    return {
      kind: 'left-running',
      icon: '⏳',
      label: 'still running at FoxAPI',
      happened: `${capitalise(why)} while FoxAPI was still making it (task ${result.taskId ?? '?'}${progress}). It may finish, and it is paid for.`,
      next: `Collect it without paying again: ${collectWords(result, context)}${result.outcome === 'timed-out' ? ' (with a longer timeout)' : ''}.`,
      problem: true,
    }
  return {
    kind: 'stopped',
    icon: '🛑',
    label: result.outcome === 'timed-out' ? 'timed out' : 'stopped',
    happened: result.error ?? `${capitalise(why)}.`,
    next: 'Re-run to make it: a new task is paid for.',
    problem: true,
  }
}

/** How to collect the clip's task: re-run (the cache remembers it) or name it with `task-id`. */
export function collectWords(result: Pick<ClipResult, 'name' | 'taskId' | 'taskInCache'>, context: StoryContext): string {
  const id = result.taskId ?? '?'
  const named = context.batch ? `add task-id: ${id} to the batch entry '${result.name}' and re-run` : `re-run with task-id: ${id}`
  return result.taskInCache ? `re-run the workflow (the cache remembers task ${id}), or ${named}` : named
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
