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

/** Loopback: reaches this machine. Internal: not a public host. */
export type HostKind = 'loopback' | 'internal' | 'public'

interface Rule {
  /** Holds the one subnet of the rule. */
  list: BlockList
  kind: Exclude<HostKind, 'public'>
  what: string
}

function rules(family: 'ipv4' | 'ipv6', entries: [network: string, prefix: number, what: string][]): Rule[] {
  return entries.map(([network, prefix, what]) => {
    const list = new BlockList()
    list.addSubnet(network, prefix, family)
    return { list, kind: what === 'a loopback address' ? 'loopback' : 'internal', what }
  })
}

const IPV4_RULES = rules('ipv4', [
  ['127.0.0.0', 8, 'a loopback address'],
  ['0.0.0.0', 8, 'a "this network" address'],
  ['10.0.0.0', 8, 'a private address'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address'],
  ['169.254.0.0', 16, 'a link-local address (cloud metadata lives there)'],
  ['172.16.0.0', 12, 'a private address'],
  ['192.0.0.0', 24, 'an IETF protocol address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.88.99.0', 24, 'a deprecated 6to4 relay address'],
  ['192.168.0.0', 16, 'a private address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved or broadcast address'],
])
/** IPv6 prefixes refused outright, whatever they carry. */
const IPV6_RULES = rules('ipv6', [
  ['::1', 128, 'a loopback address'],
  ['::', 128, 'the unspecified address'],
  ['::', 96, 'an IPv4-compatible address (deprecated)'],
  ['64:ff9b:1::', 48, 'a local-use NAT64 address'],
  ['100::', 64, 'a discard-only address'],
  ['2001::', 23, 'an IETF protocol address (Teredo and others)'],
  ['2001:db8::', 32, 'a documentation address'],
  ['3fff::', 20, 'a documentation address'],
  ['3ffe::', 16, 'a former 6bone address'],
  ['fc00::', 7, 'a unique local (private) address'],
  ['fe80::', 10, 'a link-local address'],
  ['fec0::', 10, 'a site-local address (deprecated)'],
  ['ff00::', 8, 'a multicast address'],
])
const [GLOBAL_UNICAST] = rules('ipv6', [['2000::', 3, 'global unicast']]) as [Rule]

/**
 * IPv6 forms that carry an IPv4 address: `at` is the group holding its first 16 bits. Only the mapped form is
 * this machine's own IPv4 stack; the others go to a translator or relay, whose loopback is its own.
 */
const IPV4_CARRIERS = (
  [
    ['::ffff:0:0', 96, 'an IPv4-mapped address', 6, true],
    ['::ffff:0:0:0', 96, 'an IPv4-translated address', 6, false],
    ['64:ff9b::', 96, 'a NAT64 address', 6, false],
    ['2002::', 16, 'a 6to4 address', 1, false],
  ] as const
).map(([network, prefix, what, at, local]) => ({ ...(rules('ipv6', [[network, prefix, what]])[0] as Rule), at, local }))

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

export interface HostJudgement {
  kind: HostKind
  /** What the host is, for a message: "a loopback name", "a NAT64 address carrying 127.0.0.1, a loopback address". */
  what: string
}

const PUBLIC: HostJudgement = { kind: 'public', what: 'a public host' }

function judgeIpv4(address: string): HostJudgement {
  const hit = IPV4_RULES.find(({ list }) => list.check(address, 'ipv4'))
  return hit ? { kind: hit.kind, what: hit.what } : PUBLIC
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
    const kind = inner.kind === 'loopback' && carrier.local ? 'loopback' : 'internal'
    return { kind, what: `${carrier.what} carrying ${ipv4}, ${inner.what}` }
  }
  const hit = IPV6_RULES.find(({ list }) => list.check(canonical, 'ipv6'))
  if (hit) return { kind: hit.kind, what: hit.what }
  if (!GLOBAL_UNICAST.list.check(canonical, 'ipv6')) {
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
