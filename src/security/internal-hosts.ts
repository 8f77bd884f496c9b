// The one judgement of whether a host name or an address is loopback, internal or public, for every spelling
// of it: `localhost.` and `foo.localhost.` (a trailing dot is the same name), IPv4 written inside IPv6
// (`[::ffff:127.0.0.1]`, `[::ffff:0:7f00:1]`, NAT64 `[64:ff9b::7f00:1]`, 6to4 `[2002:7f00:1::]`, decoded and
// judged as the IPv4 address they carry), and the deprecated, translation and special-purpose IPv6 prefixes
// (site-local `fec0::/10`, IPv4-compatible `::/96`, local-use NAT64 `64:ff9b:1::/48`, Teredo, documentation
// …), refused outright. An IPv6 address outside 2000::/3, the only global unicast space, is never public.
// Addresses are parsed by Node's URL parser (the WHATWG one that also wrote the URL's host) and matched with
// `net.BlockList`; no address text is parsed by hand. base-url's "loopback" (plain http allowed) and the
// download policy's "internal" (relaxed downloads) both come from here.
import { BlockList, isIP } from 'node:net'

/** A host name as a comparison needs it: no brackets, no zone, lower case, no trailing dots (`localhost.` is `localhost`). */
export function plainHost(hostname: string): string {
  return hostname
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase()
    .replace(/\.+$/, '')
}

/** Names that mean this machine (RFC 6761's `localhost` and everything under it, and the usual /etc/hosts aliases). */
function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || ['localhost.localdomain', 'ip6-localhost', 'ip6-loopback'].includes(name)
}

/**
 * Names that can only be internal: one label (`metadata`, found through the resolver's search domains),
 * mDNS `.local`, and the private-use `.internal`, `.home.arpa` and `.localdomain`.
 */
function isInternalName(name: string): boolean {
  return !name.includes('.') || /\.(local|internal|home\.arpa|localdomain)$/.test(name)
}

interface Rule {
  network: string
  prefix: number
  what: string
}

function blockList(family: 'ipv4' | 'ipv6', rules: Rule[]): { list: BlockList; rule: Rule }[] {
  return rules.map((rule) => {
    const list = new BlockList()
    list.addSubnet(rule.network, rule.prefix, family)
    return { list, rule }
  })
}

const IPV4_LOOPBACK = blockList('ipv4', [{ network: '127.0.0.0', prefix: 8, what: 'a loopback address' }])
const IPV4_INTERNAL = [
  ...IPV4_LOOPBACK,
  ...blockList('ipv4', [
    { network: '0.0.0.0', prefix: 8, what: 'a "this network" address' },
    { network: '10.0.0.0', prefix: 8, what: 'a private address' },
    { network: '100.64.0.0', prefix: 10, what: 'a carrier-grade NAT address' },
    { network: '169.254.0.0', prefix: 16, what: 'a link-local address (cloud metadata lives there)' },
    { network: '172.16.0.0', prefix: 12, what: 'a private address' },
    { network: '192.0.0.0', prefix: 24, what: 'an IETF protocol address' },
    { network: '192.0.2.0', prefix: 24, what: 'a documentation address' },
    { network: '192.88.99.0', prefix: 24, what: 'a deprecated 6to4 relay address' },
    { network: '192.168.0.0', prefix: 16, what: 'a private address' },
    { network: '198.18.0.0', prefix: 15, what: 'a benchmarking address' },
    { network: '198.51.100.0', prefix: 24, what: 'a documentation address' },
    { network: '203.0.113.0', prefix: 24, what: 'a documentation address' },
    { network: '224.0.0.0', prefix: 4, what: 'a multicast address' },
    { network: '240.0.0.0', prefix: 4, what: 'a reserved or broadcast address' },
  ]),
]
const IPV6_LOOPBACK = blockList('ipv6', [{ network: '::1', prefix: 128, what: 'a loopback address' }])
/** IPv6 prefixes refused outright, whatever they carry. */
const IPV6_INTERNAL = [
  ...IPV6_LOOPBACK,
  ...blockList('ipv6', [
    { network: '::', prefix: 128, what: 'the unspecified address' },
    { network: '::', prefix: 96, what: 'an IPv4-compatible address (deprecated)' },
    { network: '64:ff9b:1::', prefix: 48, what: 'a local-use NAT64 address' },
    { network: '100::', prefix: 64, what: 'a discard-only address' },
    { network: '2001::', prefix: 23, what: 'an IETF protocol address (Teredo and others)' },
    { network: '2001:db8::', prefix: 32, what: 'a documentation address' },
    { network: '3fff::', prefix: 20, what: 'a documentation address' },
    { network: '3ffe::', prefix: 16, what: 'a former 6bone address' },
    { network: 'fc00::', prefix: 7, what: 'a unique local (private) address' },
    { network: 'fe80::', prefix: 10, what: 'a link-local address' },
    { network: 'fec0::', prefix: 10, what: 'a site-local address (deprecated)' },
    { network: 'ff00::', prefix: 8, what: 'a multicast address' },
  ]),
]
const GLOBAL_UNICAST = blockList('ipv6', [{ network: '2000::', prefix: 3, what: 'global unicast' }])

/** IPv6 forms that carry an IPv4 address, and where: the group index of its first 16 bits. */
const IPV4_CARRIERS = [
  ...blockList('ipv6', [{ network: '::ffff:0:0', prefix: 96, what: 'an IPv4-mapped address' }]).map((c) => ({ ...c, at: 6 })),
  ...blockList('ipv6', [{ network: '::ffff:0:0:0', prefix: 96, what: 'an IPv4-translated address' }]).map((c) => ({ ...c, at: 6 })),
  ...blockList('ipv6', [{ network: '64:ff9b::', prefix: 96, what: 'a NAT64 address' }]).map((c) => ({ ...c, at: 6 })),
  ...blockList('ipv6', [{ network: '2002::', prefix: 16, what: 'a 6to4 address' }]).map((c) => ({ ...c, at: 1 })),
]

/** The eight 16-bit groups of an IPv6 address, read from the URL parser's canonical form (no dotted quad, one `::` at most). */
function ipv6Groups(address: string): number[] | undefined {
  let canonical: string
  try {
    canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1)
  } catch {
    return undefined
  }
  const part = (text: string | undefined) => (text ? text.split(':').map((group) => Number.parseInt(group, 16)) : [])
  const [head, tail] = canonical.split('::')
  if (tail === undefined) return part(head)
  const start = part(head)
  const end = part(tail)
  return [...start, ...new Array<number>(8 - start.length - end.length).fill(0), ...end]
}

/** Loopback: reaches this machine. Internal: not a public host. */
export type HostKind = 'loopback' | 'internal' | 'public'

export interface HostJudgement {
  kind: HostKind
  /** What the host is, for a message: "a loopback name", "a NAT64 address carrying 127.0.0.1, a loopback address". */
  what: string
}

const PUBLIC: HostJudgement = { kind: 'public', what: 'a public host' }

function judgeIpv4(address: string): HostJudgement {
  const hit = IPV4_INTERNAL.find(({ list }) => list.check(address, 'ipv4'))
  if (!hit) return PUBLIC
  return { kind: IPV4_LOOPBACK.some(({ list }) => list.check(address, 'ipv4')) ? 'loopback' : 'internal', what: hit.rule.what }
}

function judgeIpv6(address: string): HostJudgement {
  const groups = ipv6Groups(address)
  if (!groups || groups.length !== 8) return { kind: 'internal', what: 'not an address this action understands' }
  const canonical = groups.map((group) => group.toString(16)).join(':')
  const carrier = IPV4_CARRIERS.find(({ list }) => list.check(canonical, 'ipv6'))
  if (carrier) {
    const high = groups[carrier.at] as number
    const low = groups[carrier.at + 1] as number
    const ipv4 = `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`
    const inner = judgeIpv4(ipv4)
    if (inner.kind === 'public') return PUBLIC
    // Only the mapped form reaches this machine's own loopback; a translator's 127.0.0.1 is its own.
    const kind = inner.kind === 'loopback' && carrier.rule.what === 'an IPv4-mapped address' ? 'loopback' : 'internal'
    return { kind, what: `${carrier.rule.what} carrying ${ipv4}, ${inner.what}` }
  }
  const hit = IPV6_INTERNAL.find(({ list }) => list.check(canonical, 'ipv6'))
  if (hit) return { kind: IPV6_LOOPBACK.some(({ list }) => list.check(canonical, 'ipv6')) ? 'loopback' : 'internal', what: hit.rule.what }
  if (!GLOBAL_UNICAST.some(({ list }) => list.check(canonical, 'ipv6'))) {
    return { kind: 'internal', what: 'an address outside the global unicast space' }
  }
  return PUBLIC
}

/** Whether a host (a URL's hostname or a socket's address, any spelling) is loopback, internal or public, and what it is. */
export function judgeHost(hostname: string): HostJudgement {
  const host = plainHost(hostname)
  const family = isIP(host)
  if (family === 4) return judgeIpv4(host)
  if (family === 6) return judgeIpv6(host)
  if (isLoopbackName(host)) return { kind: 'loopback', what: 'a loopback name' }
  if (isInternalName(host)) return { kind: 'internal', what: 'an internal name' }
  return PUBLIC
}

/** A host that reaches this machine: `localhost` (any case, trailing dots), 127.0.0.0/8, ::1, ::ffff:127.x.y.z. */
export function isLoopbackHost(hostname: string): boolean {
  return judgeHost(hostname).kind === 'loopback'
}

/** Whether an IP address is not a public host (loopback, private, link-local, special-purpose, any spelling). Not an address at all: true. */
export function isInternalAddress(address: string): boolean {
  if (isIP(plainHost(address)) === 0) return true // refuse rather than guess
  return judgeHost(address).kind !== 'public'
}
