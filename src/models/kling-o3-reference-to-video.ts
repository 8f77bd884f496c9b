// kling-o3-reference-to-video: the English page of the seed's family. Start/end frames, reference images and
// elements by URL (referred to as @Image1, @Element1), resolution and generated audio; prompt or multi_prompt.
import { z } from 'zod'
import {
  aspectRatio,
  duration,
  elements,
  flag,
  mediaUrl,
  mediaUrlList,
  multiPrompt,
  notBoth,
  optionalPrompt,
  resolution,
  segmentsAddUp,
  shotWarnings,
} from './fields'
import { defineModel, imageCountWarning } from './model'

const schema = z.strictObject({
  prompt: optionalPrompt,
  resolution,
  generate_audio: flag,
  start_image_url: mediaUrl('image').optional(),
  end_image_url: mediaUrl('image').optional(),
  image_urls: mediaUrlList('image'),
  elements,
  aspect_ratio: aspectRatio,
  duration: duration(3, 15),
  shot_type: z.preprocess((v) => (v === '' ? undefined : v), z.literal('customize', { error: "must be 'customize'" }).optional()),
  multi_prompt: multiPrompt,
})

export const klingO3ReferenceToVideo = defineModel({
  name: 'kling-o3-reference-to-video',
  about: 'Kling O3 reference to video: start/end frames, reference images and elements, resolution, generated audio',
  inputs: {
    prompt: 'prompt',
    resolution: 'resolution',
    'generate-audio': 'generate_audio',
    'image-url': 'start_image_url',
    'end-image-url': 'end_image_url',
    'aspect-ratio': 'aspect_ratio',
    duration: 'duration',
    'multi-prompt': 'multi_prompt',
  },
  schema,
  rules: (body) => [...notBoth(body), ...segmentsAddUp(body)],
  fixes: ['aspect-ratio', 'duration', 'resolution', 'audio'],
  // FoxAPI's page gives 720p as resolution's default.
  shapeDefaults: { resolution: '720p' },
  warnings: (body) => {
    const images =
      (body.image_urls?.length ?? 0) + (body.elements?.length ?? 0) + (body.start_image_url ? 1 : 0) + (body.end_image_url ? 1 : 0)
    const warnings = [...shotWarnings(body.multi_prompt), ...imageCountWarning(images, false)]
    if (body.end_image_url && !body.start_image_url) warnings.push("an end image without a start image; Kling's specification needs both")
    return warnings
  },
})
