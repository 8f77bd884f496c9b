// Kling V3: text to video and image to video (first frame, optional tail frame), with resolution and audio.
import { z } from 'zod'
import { aspectRatio, duration, flag, list, mediaUrl, requiredPrompt, resolution, text } from './fields'
import { defineModel } from './model'

export const klingV3TextToVideo = defineModel({
  name: 'kling-v3-text-to-video',
  about: 'Kling V3 text to video: prompt, negative prompt, resolution, generated audio, voices',
  inputs: {
    prompt: 'prompt',
    'negative-prompt': 'negative_prompt',
    resolution: 'resolution',
    'generate-audio': 'generate_audio',
    'aspect-ratio': 'aspect_ratio',
    duration: 'duration',
  },
  schema: z.strictObject({
    prompt: requiredPrompt,
    negative_prompt: text,
    resolution,
    generate_audio: flag,
    aspect_ratio: aspectRatio,
    duration: duration(1, 60),
    voice_ids: list(z.string().trim().min(1), 'voice ids'),
  }),
  fixes: ['aspect-ratio', 'duration', 'resolution', 'audio'],
})

export const klingV3ImageToVideo = defineModel({
  name: 'kling-v3-image-to-video',
  about: 'Kling V3 image to video: a first frame (image-url), an optional last frame (end-image-url, sent as image_tail_url)',
  inputs: {
    prompt: 'prompt',
    'image-url': 'image_url',
    'end-image-url': 'image_tail_url',
    resolution: 'resolution',
    'generate-audio': 'generate_audio',
    duration: 'duration',
  },
  schema: z.strictObject({
    prompt: requiredPrompt,
    image_url: mediaUrl('image'),
    image_tail_url: mediaUrl('image').optional(),
    resolution,
    generate_audio: flag,
    duration: duration(1, 60),
  }),
  // The picture's shape follows the image.
  fixes: ['duration', 'resolution', 'audio'],
})
