// kling-o3-video-to-video-edit: edits a video (@Video1) following the prompt, with images and elements.
import { z } from 'zod'
import { elements, flag, mediaUrl, requiredPrompt, resolution } from './fields'
import { defineModel } from './model'

export const klingO3VideoToVideoEdit = defineModel({
  name: 'kling-o3-video-to-video-edit',
  about: 'Kling O3 video edit: prompt (@Video1, @Image1, @Element1) and video-url (mp4/mov, 3–10 s, 720–2160 px, ≤ 200 MB)',
  inputs: { prompt: 'prompt', 'video-url': 'video_url', resolution: 'resolution' },
  schema: z.strictObject({
    prompt: requiredPrompt,
    video_url: mediaUrl('video'),
    resolution,
    keep_audio: flag,
    elements,
  }),
  // Length and picture shape follow the video being edited.
  fixes: ['resolution'],
})
