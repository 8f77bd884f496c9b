// FoxAPI client: create, query and cancel video tasks over undici.
// The API key is sent only to the base URL's origin, and redirects are never followed.
import { request, type Dispatcher } from 'undici'
import { parseJsonSafely, readApiReply, requestSignal } from './http'
import { RequestError, httpStatusError, toRequestError } from './request-errors'
import { API_RETRY, withRetries, type RetryPolicy } from './retries'
import type { GenerationRequest } from '../models/model'
import { taskSchema, type Task } from './task'
import * as log from '../log'

export interface CallOptions {
  /** Epoch ms after which no retry is started and any request still running is aborted. */
  deadline: number
  /** The run's own cancellation (SIGINT/SIGTERM). */
  signal?: AbortSignal
}

export interface CreateOptions extends CallOptions {
  /**
   * Aborts a create request already on the wire. Kept apart from `signal` (which only stops retries and waits
   * between attempts) so that stopping the run never cuts off a create FoxAPI may be billing: its reply, with
   * the task id, is still awaited. Defaults to `signal`.
   */
  inFlightSignal?: AbortSignal
}

export interface ApiClientOptions {
  baseUrl: string
  apiKey: string
  agent: Dispatcher
  retry: RetryPolicy
  userAgent?: string
}

/** How a run talks to FoxAPI (its tasks, its file uploads, a dry run's status queries): one key, one agent, one retry policy. */
export function runClientOptions(settings: { baseUrl: string; apiKey: string }, agent: Dispatcher): ApiClientOptions {
  return { baseUrl: settings.baseUrl, apiKey: settings.apiKey, agent, retry: API_RETRY, userAgent: 'foxapi-video-action' }
}

/** Path of the cancel call. FoxAPI's reference names `task_info.can_cancel` but not the route; this is the one we use. */
export const cancelPath = (taskId: string): string => `/v1/tasks/${encodeURIComponent(taskId)}/cancel`

/** Path of the create call, relative to the base URL. */
export const CREATE_PATH = 'v1/videos/generations'

/** A request as it goes on the wire; the dry run prints the create call's with the key hidden. */
export interface WireRequest {
  method: 'GET' | 'POST'
  url: string
  headers: Record<string, string>
  body?: string
}

/** `base-url` as the base every API path is resolved against (with its trailing slash, so a path prefix is kept). */
export function apiBase(baseUrl: string): URL {
  return new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
}

/** The create call for `body`, exactly as `createTask` sends it, with `***` in place of the key. */
export function previewCreate(baseUrl: string, body: GenerationRequest, userAgent?: string): WireRequest {
  return wireRequest(apiBase(baseUrl), 'POST', CREATE_PATH, '***', userAgent, body)
}

/** A call to FoxAPI as it goes on the wire: the URL under `base`, the key and the headers every call sends, a JSON body. */
export function wireRequest(
  base: URL,
  method: 'GET' | 'POST',
  path: string,
  apiKey: string,
  userAgent: string | undefined,
  body?: unknown,
): WireRequest {
  return {
    method,
    url: new URL(path, base).toString(),
    headers: {
      authorization: `Bearer ${apiKey}`,
      accept: 'application/json',
      'user-agent': userAgent ?? 'foxapi-video-action',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  }
}

/** `errorCode` of a reply about another task than the one asked for: refused, and not waited out. */
export const TASK_ID_MISMATCH = 'task_id_mismatch'

export class FoxApiClient {
  private readonly base: URL
  /** Retry lines, at most a few per distinct error per 30 s (a hostile server cannot flood the log). */
  private readonly retryLog = log.throttled()

  constructor(private readonly options: ApiClientOptions) {
    this.base = apiBase(options.baseUrl)
  }

  /**
   * Creates a task. Never repeated once the request may have reached FoxAPI (that could charge twice):
   * only refusals at the door (429, 503) and connections that never opened are retried.
   */
  async createTask(body: GenerationRequest, call: CreateOptions): Promise<Task> {
    const { inFlightSignal, ...retryCall } = call
    try {
      // Bounded by the deadline like every call (requestSignal). A create that may have been sent is not cut off
      // by a cancelled run: `inFlightSignal` fires only after the grace period (see src/run/start-task.ts).
      return await withRetries(
        () => {
          // A run stopped between attempts sends nothing more (the earlier attempts surely were not taken).
          if (call.signal?.aborted) throw notSentBecauseStopped()
          return this.send('POST', CREATE_PATH, 'Create task', { ...retryCall, signal: inFlightSignal ?? call.signal }, body)
        },
        {
          ...retryCall,
          policy: this.options.retry,
          canRetry: (error) => !error.details.mayHaveBeenProcessed,
          onRetry: (error, delay, attempt) =>
            this.retryLog(
              error.message,
              `${error.message}. FoxAPI did not take the request, so retrying is safe: attempt ${attempt + 2} in ${seconds(delay)}.`,
            ),
        },
      )
    } catch (error) {
      // Stopped while waiting to retry a create FoxAPI did not take: nothing was billed.
      if (error instanceof RequestError && error.details.aborted && !inFlightSignal?.aborted && call.signal?.aborted) {
        if (error.message.startsWith('Retry wait')) throw notSentBecauseStopped()
      }
      if (error instanceof RequestError && error.details.retryable && error.details.mayHaveBeenProcessed) {
        error.message +=
          '. Not retried: the request may have reached FoxAPI and a second one could charge twice.' +
          ' If a task was created, re-run with the task-id input to pick it up.'
      }
      throw error
    }
  }

  /** Queries a task; `syncUpstream` asks FoxAPI to refresh its state from the provider first (`?sync_upstream=true`). */
  async getTask(taskId: string, call: CallOptions & { retry?: RetryPolicy; syncUpstream?: boolean }): Promise<Task> {
    const path = `v1/tasks/${encodeURIComponent(taskId)}${call.syncUpstream ? '?sync_upstream=true' : ''}`
    return withRetries(() => this.send('GET', path, 'Task query', call, undefined, taskId), {
      ...call,
      policy: call.retry ?? this.options.retry,
      onRetry: (error, delay) => this.retryLog(error.message, `${error.message}; retrying in ${seconds(delay)}.`),
    })
  }

  async cancelTask(taskId: string, call: CallOptions): Promise<Task> {
    return withRetries(() => this.send('POST', cancelPath(taskId).slice(1), 'Cancel task', call, {}, taskId), {
      ...call,
      policy: this.options.retry,
      onRetry: (error, delay) => this.retryLog(error.message, `${error.message}; retrying in ${seconds(delay)}.`),
    })
  }

  /**
   * One request, bounded by the call's deadline as well as the agent's idle timeouts, its body read with a
   * byte cap and parsed with a depth limit. With `expectedId`, a reply about another task is refused.
   */
  private async send(
    method: 'GET' | 'POST',
    path: string,
    what: string,
    call: CallOptions,
    body?: unknown,
    expectedId?: string,
  ): Promise<Task> {
    const wire = wireRequest(this.base, method, path, this.options.apiKey, this.options.userAgent, body)
    const url = new URL(wire.url)
    if (url.origin !== this.base.origin) throw new Error(`Refusing to send the API key to ${url.origin}`)
    const signal = requestSignal(call.deadline, call.signal)
    let response: Dispatcher.ResponseData
    try {
      response = await request(url, { method, dispatcher: this.options.agent, signal, headers: wire.headers, body: wire.body })
    } catch (error) {
      throw toRequestError(error, what, signal)
    }
    const text = await readApiReply(response, what, this.base.origin, signal)
    return taskOfReply(response, text, what, expectedId)
  }
}

/**
 * The task a reply's text holds. An error status, a reply that is not a task, or (with `expectedId`) one about
 * another task throws.
 */
function taskOfReply(
  { statusCode, headers }: Pick<Dispatcher.ResponseData, 'statusCode' | 'headers'>,
  text: string,
  what: string,
  expectedId?: string,
): Task {
  const json = parseJsonSafely(text)
  if (statusCode >= 400) throw httpStatusError(statusCode, json, headers, what)
  const parsed = taskSchema.safeParse(json)
  if (!parsed.success) {
    throw new RequestError(`${what} failed: FoxAPI's reply is not a task (${snippet(text)})`, {
      status: statusCode,
      retryable: false,
      mayHaveBeenProcessed: true,
      badReply: true,
    })
  }
  if (expectedId !== undefined && parsed.data.id !== expectedId) {
    throw new RequestError(`${what} failed: FoxAPI's reply is about another task than ${expectedId}; refused`, {
      status: statusCode,
      errorCode: TASK_ID_MISMATCH,
      retryable: false,
      mayHaveBeenProcessed: true,
      badReply: true,
    })
  }
  return parsed.data
}

function notSentBecauseStopped(): RequestError {
  return new RequestError('Create task was not sent: the run was cancelled', {
    retryable: false,
    mayHaveBeenProcessed: false,
    aborted: true,
  })
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat || 'empty body'
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`
}
