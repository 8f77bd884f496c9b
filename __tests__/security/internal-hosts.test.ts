// Every spelling of loopback is loopback, and every internal address is internal, however it is written: the
// one judgement behind base-url's plain-http rule and the download policy (src/security/internal-hosts.ts).
import { describe, expect, it } from 'vitest'
import { downloadPolicyFor, refusalOf } from '../../src/security/download-policy'
import { isInternalAddress, isLoopbackHost, judgeHost, plainHost } from '../../src/security/internal-hosts'

/** The host as a URL's hostname has it: what the WHATWG parser made of the spelling. */
const hostOf = (spelling: string) => new URL(`https://${spelling}/clip.mp4`).hostname

describe('names', () => {
  it('drop their trailing dots, brackets and case before any comparison', () => {
    expect(plainHost('LocalHost.')).toBe('localhost')
    expect(plainHost('foo.localhost..')).toBe('foo.localhost')
    expect(plainHost('[FE80::1%eth0]')).toBe('fe80::1')
  })

  it.each([
    'localhost',
    'localhost.',
    'LOCALHOST..',
    'foo.localhost',
    'foo.localhost.',
    'a.b.localhost.',
    'localhost.localdomain',
    'ip6-localhost',
  ])('%s is a loopback name', (spelling) => {
    expect(judgeHost(hostOf(spelling))).toEqual({ kind: 'loopback', what: 'a loopback name' })
    expect(isLoopbackHost(hostOf(spelling))).toBe(true)
  })

  it.each(['metadata', 'metadata.', 'printer.local', 'db.internal.', 'router.home.arpa', 'box.localdomain'])(
    '%s is an internal name',
    (spelling) => {
      expect(judgeHost(hostOf(spelling)).kind).toBe('internal')
    },
  )

  it.each(['cdn.foxapi.cc', 'cdn.foxapi.cc.', 'localhost.example.com', 'notlocalhost.com', 'local.example'])('%s is public', (spelling) => {
    expect(judgeHost(hostOf(spelling)).kind).toBe('public')
  })
})

describe('addresses', () => {
  it.each([
    // spelling in a URL, what the URL parser writes, the judgement
    ['127.0.0.1', '127.0.0.1', 'loopback', /^a loopback address$/],
    ['127.1', '127.0.0.1', 'loopback', /loopback/],
    ['0x7f.1', '127.0.0.1', 'loopback', /loopback/],
    ['2130706433', '127.0.0.1', 'loopback', /loopback/],
    ['127.0.0.1.', '127.0.0.1', 'loopback', /loopback/],
    ['[::1]', '[::1]', 'loopback', /^a loopback address$/],
    ['[::ffff:127.0.0.1]', '[::ffff:7f00:1]', 'loopback', /IPv4-mapped address carrying 127\.0\.0\.1, a loopback address/],
    ['[0:0:0:0:0:ffff:7f00:0001]', '[::ffff:7f00:1]', 'loopback', /IPv4-mapped/],
    ['[::127.0.0.1]', '[::7f00:1]', 'internal', /IPv4-compatible address \(deprecated\)/],
    ['[::ffff:0:127.0.0.1]', '[::ffff:0:7f00:1]', 'internal', /IPv4-translated address carrying 127\.0\.0\.1/],
    ['[64:ff9b::127.0.0.1]', '[64:ff9b::7f00:1]', 'internal', /NAT64 address carrying 127\.0\.0\.1, a loopback address/],
    ['[64:ff9b::a9fe:a9fe]', '[64:ff9b::a9fe:a9fe]', 'internal', /NAT64 address carrying 169\.254\.169\.254, a link-local/],
    ['[64:ff9b:1::7f00:1]', '[64:ff9b:1::7f00:1]', 'internal', /local-use NAT64/],
    ['[64:ff9b:1:abcd::8.8.8.8]', '[64:ff9b:1:abcd::808:808]', 'internal', /local-use NAT64/],
    ['[2002:7f00:1::]', '[2002:7f00:1::]', 'internal', /6to4 address carrying 127\.0\.0\.1/],
    ['[2002:c0a8:101::1]', '[2002:c0a8:101::1]', 'internal', /6to4 address carrying 192\.168\.1\.1, a private address/],
    ['[fec0::1]', '[fec0::1]', 'internal', /site-local address \(deprecated\)/],
    ['[feff::1]', '[feff::1]', 'internal', /site-local/],
    ['[::]', '[::]', 'internal', /unspecified/],
    ['[::8.8.8.8]', '[::808:808]', 'internal', /IPv4-compatible/],
    ['[2001::7f00:1]', '[2001::7f00:1]', 'internal', /Teredo/],
    ['[2001:db8::1]', '[2001:db8::1]', 'internal', /documentation/],
    ['[100::1]', '[100::1]', 'internal', /discard/],
    ['[fd00::1]', '[fd00::1]', 'internal', /unique local/],
    ['[fe80::1]', '[fe80::1]', 'internal', /link-local/],
    ['[ff02::1]', '[ff02::1]', 'internal', /multicast/],
    ['[4000::1]', '[4000::1]', 'internal', /outside the global unicast space/],
    ['169.254.169.254', '169.254.169.254', 'internal', /link-local/],
    ['0.0.0.0', '0.0.0.0', 'internal', /this network/],
    ['100.64.1.1', '100.64.1.1', 'internal', /carrier-grade NAT/],
    ['192.0.2.10', '192.0.2.10', 'internal', /documentation/],
    ['192.88.99.1', '192.88.99.1', 'internal', /6to4 relay/],
  ] as const)('%s (written %s) is %s', (spelling, written, kind, what) => {
    const host = hostOf(spelling)
    expect(host).toBe(written)
    const judgement = judgeHost(host)
    expect(judgement.kind).toBe(kind)
    expect(judgement.what).toMatch(what)
    expect(isInternalAddress(host)).toBe(true)
  })

  it.each([
    ['8.8.8.8', '8.8.8.8'],
    ['[2606:4700::1111]', '[2606:4700::1111]'],
    ['[::ffff:8.8.8.8]', '[::ffff:808:808]'],
    ['[64:ff9b::8.8.8.8]', '[64:ff9b::808:808]'],
    ['[2002:808:808::1]', '[2002:808:808::1]'],
    ['[2001:4860:4860::8888]', '[2001:4860:4860::8888]'],
  ])('%s (written %s) is public, the IPv4 it carries being public', (spelling, written) => {
    const host = hostOf(spelling)
    expect(host).toBe(written)
    expect(judgeHost(host).kind).toBe('public')
    expect(isInternalAddress(host)).toBe(false)
  })

  it('judges the addresses a resolver or a socket reports, which come without brackets and may carry a zone', () => {
    expect(isInternalAddress('::ffff:127.0.0.1')).toBe(true)
    expect(isInternalAddress('::ffff:7f00:1')).toBe(true)
    expect(isInternalAddress('64:ff9b::7f00:1')).toBe(true)
    expect(isInternalAddress('fe80::1%eth0')).toBe(true)
    expect(isInternalAddress('2606:4700::1111')).toBe(false)
    expect(isInternalAddress('not-an-address')).toBe(true)
  })

  it('calls only this machine loopback: a translator or a deprecated form carrying 127.0.0.1 is internal, not loopback', () => {
    expect(isLoopbackHost('[::ffff:7f00:1]')).toBe(true)
    for (const host of ['[64:ff9b::7f00:1]', '[2002:7f00:1::]', '[::7f00:1]', '[::ffff:0:7f00:1]', '10.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(false)
    }
  })
})

describe('the download policy, for every spelling', () => {
  const publicApi = downloadPolicyFor('https://api.foxapi.cc')
  it.each([
    'https://localhost./clip.mp4',
    'https://foo.localhost./clip.mp4',
    'https://[::127.0.0.1]/clip.mp4',
    'https://[::ffff:7f00:1]/clip.mp4',
    'https://[::ffff:0:7f00:1]/clip.mp4',
    'https://[64:ff9b::7f00:1]/clip.mp4',
    'https://[64:ff9b:1::7f00:1]/clip.mp4',
    'https://[2002:7f00:1::]/clip.mp4',
    'https://[fec0::1]/clip.mp4',
    'https://metadata./computeMetadata/v1/',
  ])('refuses %s when base-url is public', (url) => {
    expect(refusalOf(new URL(url), publicApi)).toMatch(/; clips are fetched from public hosts only$/)
  })

  it('relaxes only for a base-url that is itself loopback or internal, in any spelling', () => {
    expect(downloadPolicyFor('http://localhost.:8080')).toEqual({ allowPlainHttp: true, allowInternal: true })
    expect(downloadPolicyFor('https://[64:ff9b::a00:1]')).toEqual({ allowPlainHttp: false, allowInternal: true })
    expect(downloadPolicyFor('http://[64:ff9b::7f00:1]')).toEqual({ allowPlainHttp: false, allowInternal: true })
    expect(downloadPolicyFor('https://api.foxapi.cc.')).toEqual({ allowPlainHttp: false, allowInternal: false })
  })
})
