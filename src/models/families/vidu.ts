// Vidu Q3 on FoxAPI (catalog §1h): one page for pro and turbo, cut after image_urls. Data only.
import { foxPage, type ModelEntry, type ModelFamily } from '../entry'

const vidu = (name: string, reference: boolean): ModelEntry => ({
  name,
  about: `Vidu Q3 ${reference ? 'pro' : 'turbo'}: text, image (image-url), first/last frame (end-image-url)${reference ? ' or 3–4 reference images (image-list)' : ''}`,
  page: foxPage('en/vidu/vidu-q3'),
  read: 'partial',
  open: true,
  fields: {
    generation_type: reference
      ? { type: 'enum', values: ['text-to-video', 'image-to-video', 'first-last-frame', 'reference-to-video'] }
      : { type: 'enum', values: ['text-to-video', 'image-to-video', 'first-last-frame'] },
    prompt: { type: 'prompt', cap: 2000 },
    image_urls: { type: 'media-list', kind: 'image', max: reference ? 4 : 2 },
    duration: { type: 'seconds' },
    aspect_ratio: { type: 'text', max: 20 },
    resolution: { type: 'enum', values: ['360p', '540p', '720p', '1080p'] },
    generate_audio: { type: 'bool' },
  },
  inputs: {
    prompt: 'prompt',
    'image-url': 'image_urls[0]',
    'end-image-url': 'image_urls[1]',
    'image-list': 'image_urls',
    duration: 'duration',
    'aspect-ratio': 'aspect_ratio',
    resolution: 'resolution',
    'generate-audio': 'generate_audio',
  },
  shape: { aspect: 'aspect_ratio', duration: 'duration', resolution: 'resolution', audio: 'generate_audio' },
  rules: ['vidu-images-and-prompt'],
  typicalSeconds: name.endsWith('-turbo') ? 30 : 45,
  note:
    'Without generation_type FoxAPI infers it from the image count (0 text, 1 image, 2 first/last, 3–4 reference); a prompt is ' +
    'required for text and reference. The page is cut after image_urls: duration, aspect ratio and audio appear only in the example.',
})

export const VIDU: ModelFamily = { name: 'Vidu Q3', entries: [vidu('vidu-q3-pro', true), vidu('vidu-q3-turbo', false)] }
