// What the local Actions cache service (./actions-cache-service.ts) can do badly on purpose, kept apart from the
// service's honest half:
//  - serve a huge junk entry as a stream (generated as it is sent, never held in memory), its size announced
//    honestly, not at all (chunked, HEAD without a length), or falsely (HEAD says a few bytes, GET sends it all);
//  - refuse writes as for a read-only token (403 permission_denied on CreateCacheEntry), or throttle them as
//    GitHub does past 200 uploads a minute (429 with Retry-After), for a number of requests.
import type { IncomingMessage, ServerResponse } from 'node:http'

/** A blob sent as a stream of `bytes` junk bytes; `announce` is how its size is told. */
export interface StreamedBlob {
  bytes: number
  /** `honest`: Content-Length on HEAD and GET; `none`: on neither (chunked); `small-head`: HEAD says 1000, GET is chunked. */
  announce: 'honest' | 'none' | 'small-head'
}

/** How the service answers writes (CreateCacheEntry): refused as read-only, or throttled for the next `times` writes. */
export type WriteFault = { kind: 'read-only' } | { kind: 'throttled'; times: number; retryAfterSeconds: number }

/** A Twirp answer to send instead of doing the work. */
export interface TwirpFaultReply {
  status: number
  headers: Record<string, string>
  body: { code: string; msg: string }
}

/** The answer a write gets under `fault` (taking one of a throttle's times), or undefined to do the work. */
export function writeFaultReply(fault: WriteFault | undefined, method: string): TwirpFaultReply | undefined {
  if (!fault || method !== 'CreateCacheEntry') return undefined
  if (fault.kind === 'read-only') {
    return { status: 403, headers: {}, body: { code: 'permission_denied', msg: 'the token of this job may only read the cache' } }
  }
  if (fault.times <= 0) return undefined
  fault.times--
  return {
    status: 429,
    headers: { 'Retry-After': String(fault.retryAfterSeconds) },
    body: { code: 'resource_exhausted', msg: 'cache uploads are rate limited: too many uploads in the last minute' },
  }
}

/** Sends `blob` (HEAD or GET), counting each byte written in `served`; stops when the client goes away. */
export function serveStreamedBlob(
  req: IncomingMessage,
  res: ServerResponse,
  blob: StreamedBlob,
  headers: Record<string, string>,
  served: (bytes: number) => void,
): void {
  const length =
    blob.announce === 'honest' ? String(blob.bytes) : blob.announce === 'small-head' && req.method === 'HEAD' ? '1000' : undefined
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'application/octet-stream',
    ...(length !== undefined ? { 'Content-Length': length } : {}),
  })
  if (req.method === 'HEAD') return void res.end()
  const chunk = Buffer.alloc(64 * 1024, 0x5a)
  let sent = 0
  const pump = (): void => {
    while (sent < blob.bytes && !res.destroyed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, blob.bytes - sent))
      sent += piece.length
      served(piece.length)
      if (!res.write(piece)) return void res.once('drain', pump)
    }
    if (!res.destroyed) res.end()
  }
  res.on('close', () => res.removeAllListeners('drain'))
  pump()
}
