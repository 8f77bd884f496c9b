// Low-level HTTP plumbing shared by the API client and the downloader: one undici Agent with per-request
// timeouts (and the runner's proxy), the signal that holds a request to its deadline, and reading reply bodies
// without trusting their size or nesting. What a failure means is request-errors.ts; trying again, retries.ts.
import { Agent, EnvHttpProxyAgent, type buildConnector, type Dispatcher } from 'undici'
import { RequestError, toRequestError } from './request-errors'

/**
 * The dispatcher for every request: the request timeout as idle timeouts, and the runner's proxy variables
 * (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`, upper or lower case) honoured with the same timeouts, so a
 * self-hosted runner behind an egress proxy works. Through a proxy every request, plain http included, goes
 * through a CONNECT tunnel: the proxy sees the host and port, not the headers. `connect` replaces the
 * connector for direct connections (the download's address check).
 */
export function createHttpAgent(requestTimeoutMs: number, options: { connect?: buildConnector.connector } = {}): Dispatcher {
  const connectTimeout = Math.min(requestTimeoutMs, 30_000)
  const common = {
    connect: options.connect ?? { timeout: connectTimeout },
    headersTimeout: requestTimeoutMs,
    bodyTimeout: requestTimeoutMs,
    keepAliveTimeout: 4_000,
  }
  if (!proxyConfigured()) return new Agent(common)
  return new EnvHttpProxyAgent({
    ...common,
    // To the proxy, and to the target through the tunnel: the same connect timeout.
    proxyTls: { timeout: connectTimeout },
    requestTls: { timeout: connectTimeout },
  })
}

/** Whether the environment names a proxy (the variables EnvHttpProxyAgent reads). */
export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].some((name) => (env[name] ?? '').trim() !== '')
}

/**
 * The signal one request runs under: the caller's (a cancelled run), and the deadline, so no reply, however
 * slowly it trickles within the idle timeout, outlives the time budget. Tell the two apart with
 * isDeadlineAbort (request-errors.ts).
 */
export function requestSignal(deadline: number, signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(Math.max(0, deadline - Date.now()))
  return signal ? AbortSignal.any([signal, timeout]) : timeout
}

/** Biggest API reply body read (a task envelope is a few KiB); past it the reply is refused, unread. */
export const MAX_API_BODY_BYTES = 4 * 1024 * 1024
/** Deepest JSON nesting accepted in a reply (a task envelope is 4 deep). */
export const MAX_JSON_DEPTH = 32

/**
 * Reads a reply body as text, at most `maxBytes` of it: a longer one (announced by Content-Length or found
 * on the way) is refused without reading the rest, so a hostile or broken server cannot fill the memory.
 */
export async function readBodyCapped(
  response: { headers: Record<string, string | string[] | undefined>; body: DiscardableBody & AsyncIterable<unknown> },
  what: string,
  maxBytes = MAX_API_BODY_BYTES,
): Promise<string> {
  const tooBig = () => {
    discardBody(response.body)
    return new RequestError(`${what} failed: the reply is over ${maxBytes} bytes; refused without reading it`, {
      retryable: false,
      mayHaveBeenProcessed: true,
      badReply: true,
    })
  }
  const declaredHeader = response.headers['content-length']
  const declared = Number(Array.isArray(declaredHeader) ? declaredHeader[0] : declaredHeader)
  if (Number.isFinite(declared) && declared > maxBytes) throw tooBig()
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of response.body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array)
    total += buffer.length
    if (total > maxBytes) throw tooBig()
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** The bits of a reply body stream {@link discardBody} needs. */
export interface DiscardableBody {
  destroy(error?: Error): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

/** Drops a reply body unread (closing the connection); the abort error undici then emits is expected, not a crash. */
export function discardBody(body: DiscardableBody): void {
  body.on('error', () => {})
  body.destroy()
}

/** Whether `text` nests arrays/objects deeper than `maxDepth` (strings are skipped). Linear, no recursion. */
export function jsonNestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c)
        i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

/** JSON.parse for server text: undefined for invalid JSON and for nesting deeper than {@link MAX_JSON_DEPTH}. */
export function parseJsonSafely(text: string): unknown {
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * The text of an API reply, read as every call to FoxAPI reads it: a redirect is refused, never followed (the API
 * key stays with `origin`), and the body is read with its byte cap. A failed read is a RequestError.
 */
export async function readApiReply(response: Dispatcher.ResponseData, what: string, origin: string, signal: AbortSignal): Promise<string> {
  if (response.statusCode >= 300 && response.statusCode < 400) {
    discardBody(response.body)
    throw new RequestError(
      `${what} failed: FoxAPI answered with a redirect (HTTP ${response.statusCode}); not followed, so the API key stays with ${origin}`,
      { status: response.statusCode, retryable: false, mayHaveBeenProcessed: true },
    )
  }
  try {
    return await readBodyCapped(response, what)
  } catch (error) {
    throw toRequestError(error, what, signal)
  }
}
