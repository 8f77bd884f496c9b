// kling-o3-image-to-video: animates an image (optionally towards an end image); prompt or multi_prompt.
import { z } from 'zod'
import { duration, flag, mediaUrl, multiPrompt, notBoth, optionalPrompt, resolution, segmentsAddUp, shotWarnings } from './fields'
import { defineModel } from './model'

export const klingO3ImageToVideo = defineModel({
  name: 'kling-o3-image-to-video',
  about: 'Kling O3 image to video: image-url required, end-image-url optional, prompt or multi-prompt',
  inputs: {
    'image-url': 'image_url',
    'end-image-url': 'end_image_url',
    prompt: 'prompt',
    resolution: 'resolution',
    'generate-audio': 'generate_audio',
    duration: 'duration',
    'multi-prompt': 'multi_prompt',
  },
  schema: z.strictObject({
    image_url: mediaUrl('image'),
    end_image_url: mediaUrl('image').optional(),
    prompt: optionalPrompt,
    resolution,
    generate_audio: flag,
    duration: duration(1, 60),
    multi_prompt: multiPrompt,
  }),
  rules: (body) => [...notBoth(body), ...segmentsAddUp(body)],
  warnings: (body) => shotWarnings(body.multi_prompt),
  // The picture's shape follows the image.
  fixes: ['duration', 'resolution', 'audio'],
})
