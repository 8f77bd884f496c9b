// Cache entries as an attacker makes them: read a real entry's archive, change its members, pack it again (with
// tar-stream, compressed as the real one was) and plant it in the local cache service.
import { spawnSync } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import { extract, pack, type Header } from 'tar-stream'
import { expect } from 'vitest'
import { unpacked } from './fixtures'

/** One member of a forged archive: a plain file by default. */
export interface Member {
  name: string
  type?: Header['type']
  data?: Buffer | string
  linkname?: string
}

/** The members of an archive (as @actions/cache or a forger made it), with their data. */
export async function membersOf(archive: Buffer | undefined): Promise<Member[]> {
  const members: Member[] = []
  const reader = extract()
  const done = (async () => {
    for await (const entry of reader) {
      const chunks: Buffer[] = []
      for await (const chunk of entry) chunks.push(chunk as Buffer)
      const { name, type, linkname } = entry.header
      members.push({ name, type, linkname, data: Buffer.concat(chunks) })
    }
  })()
  reader.end(Buffer.from(unpacked(archive), 'latin1'))
  await done
  return members
}

/** A tar archive of `members`, compressed like `like` (zstd or gzip, as @actions/cache chose on this machine). */
export async function forgedArchive(members: Member[], like: Buffer | undefined): Promise<Buffer> {
  const packer = pack()
  const chunks: Buffer[] = []
  const collected = (async () => {
    for await (const chunk of packer) chunks.push(chunk as Buffer)
  })()
  for (const member of members) {
    const type = member.type ?? 'file'
    const data = type === 'file' ? Buffer.from(member.data ?? '') : undefined
    await new Promise<void>((resolve, reject) => {
      const header = {
        name: member.name,
        type,
        mode: type === 'directory' ? 0o755 : 0o644,
        ...(member.linkname ? { linkname: member.linkname } : {}),
      }
      const done = (error?: Error | null) => (error ? reject(error) : resolve())
      packer.entry(header, data ?? '', done)
    })
  }
  packer.finalize()
  await collected
  const tar = Buffer.concat(chunks)
  if (like && like[0] === 0x1f && like[1] === 0x8b) return gzipSync(tar)
  const zstd = spawnSync('zstd', ['-c', '-q'], { input: tar })
  expect(zstd.status).toBe(0)
  return zstd.stdout
}
