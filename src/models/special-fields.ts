// The two fields no field type of ./entry.ts can say: kling-o3-ref's `image_list` (items {image_url, type}) and
// `video_list` (at most 1 item {video_url, refer_type, keep_original_sound}). A bare URL stands for an item, and
// `url` for `image_url`/`video_url`. Their URLs are declared with mediaUrl, like every media field.
import { z } from 'zod'
import type { SpecialFieldName } from './entry'
import { KLING_IMAGE_BYTES, KLING_VIDEO_BYTES, list, mediaUrl, yesNo } from './fields'

export interface ImageItem {
  image_url: string
  type?: 'first_frame' | 'end_frame'
}
export interface VideoItem {
  video_url: string
  refer_type?: 'feature' | 'base'
  keep_original_sound?: 'yes' | 'no'
}

/** A bare URL stands for `{ <field>: url }`; `url` is read as `<field>` (which wins when both are given). */
const asItem = (field: string) => (value: unknown) => {
  if (typeof value === 'string') return { [field]: value }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !('url' in value)) return value
  const { url, ...rest } = value as Record<string, unknown>
  return rest[field] === undefined ? { ...rest, [field]: url } : rest
}
const objectError = (fields: string) => ({
  error: (issue: { input?: unknown }) =>
    typeof issue.input !== 'object' || issue.input === null || Array.isArray(issue.input) ? `must be a URL or {${fields}}` : undefined,
})

const imageItem = () =>
  z.preprocess(
    asItem('image_url'),
    z
      .strictObject(
        {
          image_url: mediaUrl('image', { maxBytes: KLING_IMAGE_BYTES }).optional(),
          type: z.enum(['first_frame', 'end_frame', ''], { error: "type must be 'first_frame', 'end_frame' or empty" }).optional(),
        },
        objectError('image_url, type'),
      )
      .refine((item) => item.image_url !== undefined, { error: 'needs image_url (or url)' })
      .transform((item): ImageItem => {
        const image: ImageItem = { image_url: item.image_url as string }
        if (item.type) image.type = item.type
        return image
      }),
  )

const videoItem = () =>
  z.preprocess(
    asItem('video_url'),
    z
      .strictObject(
        {
          video_url: mediaUrl('video', { maxBytes: KLING_VIDEO_BYTES }).optional(),
          refer_type: z.enum(['feature', 'base'], { error: "refer_type must be 'feature' or 'base'" }).optional(),
          keep_original_sound: yesNo,
        },
        objectError('video_url, refer_type, keep_original_sound'),
      )
      .refine((item) => item.video_url !== undefined, { error: 'needs video_url (or url)' })
      .transform((item): VideoItem => {
        const video: VideoItem = { video_url: item.video_url as string }
        if (item.refer_type) video.refer_type = item.refer_type
        if (item.keep_original_sound) video.keep_original_sound = item.keep_original_sound
        return video
      }),
  )

/** The schema of each special field, made fresh for each model that has it. */
export const SPECIAL_FIELDS: Readonly<Record<SpecialFieldName, () => z.ZodType>> = {
  'kling-image-list': () => list(imageItem(), 'images'),
  'kling-video-list': () => list(videoItem(), 'videos', 1, 'may hold at most 1 reference video'),
}
