// The shape of FoxAPI's task replies (create and query share one envelope).
import { z } from 'zod'

export const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled'] as const
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number]

const taskErrorSchema = z
  .object({
    code: z.union([z.string(), z.number()]).optional(),
    message: z.string().optional(),
    type: z.string().optional(),
  })
  .loose()

export const taskSchema = z
  .object({
    id: z.string().min(1),
    status: z.string(),
    progress: z.number().optional(),
    model: z.string().optional(),
    created: z.number().optional(),
    task_info: z.object({ can_cancel: z.boolean().optional(), estimated_time: z.number().optional() }).loose().optional(),
    results: z.array(z.object({ url: z.string().optional() }).loose()).nullish(),
    output: z
      .object({
        url: z.string().optional(),
        urls: z.array(z.string()).optional(),
        duration: z.number().optional(),
        width: z.number().optional(),
        height: z.number().optional(),
      })
      .loose()
      .nullish(),
    error: z.union([taskErrorSchema, z.string()]).nullish(),
    usage: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose()

export type Task = z.infer<typeof taskSchema>

export function isTerminal(status: string): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly string[]).includes(status)
}

/** The clip's URL: `results[].url` first, then `output.url` / `output.urls[]` (FoxAPI replies use either). */
export function videoUrlOf(task: Task): string | undefined {
  const fromResults = task.results?.find((r) => typeof r.url === 'string' && r.url !== '')?.url
  return fromResults ?? task.output?.url ?? task.output?.urls?.find((u) => u !== '')
}

/** `code: message` of a failed task, or a fallback. */
export function taskErrorText(task: Task): string {
  const error = task.error
  if (!error) return 'the task failed without an error message'
  if (typeof error === 'string') return error
  const code = error.code !== undefined ? String(error.code) : undefined
  const message = error.message ?? 'no message'
  return code ? `${code}: ${message}` : message
}

export function canCancel(task: Task | undefined): boolean {
  return task !== undefined && !isTerminal(task.status) && task.task_info?.can_cancel !== false
}
