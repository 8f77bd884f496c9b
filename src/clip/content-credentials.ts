// Whether a clip carries content credentials: a C2PA manifest store, which in an ISO BMFF file (MP4) is a top-level
// `uuid` box whose extended type is d8fec3d6-1b0e-483c-9297-5828877ec481 (C2PA specification, "Embedding manifests
// into BMFF"). The action only looks: it never writes, signs or strips one, and never rewrites the clip's bytes.
// Fed the top-level boxes the MP4 reader (./clip-metadata.ts, mp4box) has read, so it parses nothing itself. C2PA
// writers place the box right after `ftyp`, before the movie header, where the reader always looks.

/** `present` when the clip carries a C2PA manifest box, `absent` when not (the `content-credentials` output). */
export type ContentCredentials = 'present' | 'absent'

/** The extended type of the C2PA manifest box, as mp4box writes a `uuid` box's type: 32 lower-case hex digits. */
export const C2PA_MANIFEST_UUID = 'd8fec3d61b0e483c92975828877ec481'

/** What this module reads of a top-level box: its type and, for a `uuid` box, its extended type. */
export interface TopLevelBox {
  type?: string
  uuid?: string
}

/** Whether one of the file's top-level boxes is a C2PA manifest store. */
export function contentCredentialsIn(boxes: readonly TopLevelBox[]): ContentCredentials {
  const manifest = boxes.some((box) => box.type === 'uuid' && typeof box.uuid === 'string' && box.uuid.toLowerCase() === C2PA_MANIFEST_UUID)
  return manifest ? 'present' : 'absent'
}
