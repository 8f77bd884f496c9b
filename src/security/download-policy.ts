// Where a clip may be downloaded from. A result URL comes from the server (and may redirect anywhere), so it
// could point the runner at its own loopback services, the cloud metadata endpoint or the office network, and
// whatever answers would be saved as the clip. So: https only, and never a loopback, link-local, private or
// otherwise internal address, checked on the URL, on every address a name resolves to, and on the address
// the socket actually connected to (no DNS-rebinding gap), for every redirect hop. Both rules are relaxed only
// when `base-url` itself is such an address (the simulator on 127.0.0.1, an API on the internal network).
import dns from 'node:dns'
import type { LookupFunction } from 'node:net'
import { buildConnector } from 'undici'
import { isInternalAddress, judgeHost } from './internal-hosts'

export interface DownloadPolicy {
  /** Plain http allowed: only when `base-url` is itself plain http on loopback. */
  allowPlainHttp: boolean
  /** Loopback, link-local and private targets allowed: only when `base-url` is one. */
  allowInternal: boolean
}

/** The policy that follows from `base-url`: strict for any public API host. */
export function downloadPolicyFor(baseUrl: string): DownloadPolicy {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    return { allowPlainHttp: false, allowInternal: false }
  }
  const { kind } = judgeHost(url.hostname)
  return { allowPlainHttp: url.protocol === 'http:' && kind === 'loopback', allowInternal: kind !== 'public' }
}

/** Why `url` may not be fetched for a clip, or undefined when it may. Checked for the first URL and every redirect. */
export function refusalOf(url: URL, policy: DownloadPolicy): string | undefined {
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowPlainHttp)) {
    return url.protocol === 'http:'
      ? `${url.origin} is plain http; clips are fetched over https only`
      : `${url.protocol} URLs are not supported`
  }
  if (url.username || url.password) return 'the URL carries credentials'
  if (policy.allowInternal) return undefined
  const host = judgeHost(url.hostname)
  if (host.kind !== 'public') return `${url.host} is ${host.what}; clips are fetched from public hosts only`
  return undefined
}

/** The error code of a connection refused by this policy (not retried: the address will not change its nature). */
export const REFUSED_ADDRESS_CODE = 'ERR_FOXAPI_INTERNAL_ADDRESS'

function refusedAddress(host: string, address: string): Error {
  return Object.assign(new Error(`${host} resolves to ${address}, a loopback, link-local or private address; not fetched`), {
    code: REFUSED_ADDRESS_CODE,
  })
}

/** dns.lookup that fails when any address of the name is internal (one bad address is enough: no mixing). */
export function guardedLookup(policy: DownloadPolicy): LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error)
      const list = addresses
      const bad = policy.allowInternal ? undefined : list.find((a) => isInternalAddress(a.address))
      if (bad) return callback(refusedAddress(hostname, bad.address))
      if (options.all) return callback(null, list)
      const first = list[0]
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }))
      callback(null, first.address, first.family)
    })
  }) as LookupFunction
}

/**
 * undici's connector with the policy applied: names resolve through `guardedLookup`, and the address the socket
 * actually connected to is checked once more before anything is sent. (Through a proxy the proxy resolves and
 * connects; then only the URL check applies.)
 */
export function guardedConnector(policy: DownloadPolicy, timeoutMs: number): buildConnector.connector {
  const connect = buildConnector({ timeout: timeoutMs, lookup: guardedLookup(policy) })
  return (options, callback) =>
    connect(options, (error, socket) => {
      if (error || !socket) return callback(error ?? new Error('no socket'), null)
      const address = socket.remoteAddress
      if (!policy.allowInternal && address !== undefined && isInternalAddress(address)) {
        socket.destroy()
        return callback(refusedAddress(options.hostname, address), null)
      }
      callback(null, socket)
    })
}

/**
 * Whether a file's first bytes are a video container, whatever the Content-Type said: an ISO BMFF / QuickTime
 * `ftyp` box at offset 4 (MP4, MOV, M4V, 3GP) or the EBML magic 1A 45 DF A3 (WebM, Matroska). A login page, an
 * error JSON or a metadata answer served as `video/mp4` is none of these.
 */
export function isVideoContainer(start: Uint8Array): boolean {
  const bytes = Buffer.from(start.buffer, start.byteOffset, start.byteLength)
  if (bytes.length >= 8 && bytes.toString('latin1', 4, 8) === 'ftyp') return true
  return bytes.length >= 4 && bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3
}
