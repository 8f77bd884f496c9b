// The C2PA manifest box the simulator can put in a clip (TaskScenario `contentCredentials`, or a clip shape's
// `contentCredentials`): a top-level ISO BMFF `uuid` box with the C2PA extended type, as the C2PA specification
// embeds a manifest store in an MP4 (FullBox version 0, box_purpose "manifest", an 8-byte merkle offset, then the
// JUMBF manifest store). The store here is a minimal JUMBF superbox labelled `c2pa`: unsigned, for telling a clip
// with content credentials from one without, which is all the action does with it. Written apart from the action's
// detection (src/clip/content-credentials.ts), so the two check each other.

/** The C2PA manifest box's extended type, as the specification writes it. */
export const C2PA_UUID = 'd8fec3d6-1b0e-483c-9297-5828877ec481'
/** The JUMBF description type of a C2PA manifest store. */
const C2PA_STORE_TYPE = '63327061-0011-0010-8000-00aa00389b71'

/** A top-level `uuid` box holding a (minimal, unsigned) C2PA manifest store. */
export function c2paManifestBox(): Buffer {
  const description = box('jumd', uuidBytes(C2PA_STORE_TYPE), Buffer.from([0x03]), Buffer.from('c2pa\0', 'latin1'))
  const store = box('jumb', description)
  const body = Buffer.concat([
    uuidBytes(C2PA_UUID),
    Buffer.from([0, 0, 0, 0]), // FullBox version 0, flags 0
    Buffer.from('manifest\0', 'latin1'),
    Buffer.alloc(8), // merkle offset: none
    store,
  ])
  return Buffer.concat([u32(body.length + 8), Buffer.from('uuid', 'latin1'), body])
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts)
  return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'latin1'), body])
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex')
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(value >>> 0)
  return b
}
