// Kling motion control (v3 and v2.6): a character image moved like the person in a video.
import { z } from 'zod'
import { mediaUrl, mode, optionalPrompt, yesNo } from './fields'
import { defineModel, type ModelDefinition } from './model'

const motionControl = (name: string, version: string): ModelDefinition =>
  defineModel({
    name,
    about: `Kling ${version} motion control: the character of image-url moves like the one in video-url`,
    inputs: { 'image-url': 'image_url', 'video-url': 'video_url', mode: 'mode', prompt: 'prompt' },
    schema: z.strictObject({
      image_url: mediaUrl('image'),
      video_url: mediaUrl('video'),
      mode,
      prompt: optionalPrompt,
      character_orientation: z.preprocess((v) => (v === '' ? undefined : v), z.string({ error: 'must be text' }).trim().min(1).optional()),
      keep_original_sound: yesNo,
    }),
  })

export const klingV3MotionControl = motionControl('kling-v3-motion-control', 'V3')
export const klingV26MotionControl = motionControl('kling-v2-6-motion-control', 'V2.6')
