// Lip-sync and avatar models on FoxAPI (catalog §1i): lipsync-2, lipsync-2-pro, sync-3, HeyGen's video agent,
// OmniHuman 1.5 and Creatify Aurora. Their clip's length follows the audio (or the agent's own choice), so only
// the structure is checked. Data only: ../interpret.ts reads it.
import { foxPage, type FieldSpec, type ModelEntry, type ModelFamily } from '../entry'

const video: FieldSpec = { type: 'media', kind: 'video', required: true }
const audio: FieldSpec = { type: 'media', kind: 'audio', required: true }
const portrait: FieldSpec = { type: 'media', kind: 'image', required: true }
const SYNC_MODE: FieldSpec = { type: 'enum', values: ['bounce', 'loop', 'cut_off', 'silence', 'remap'], default: 'loop' }

const lipsync = (name: string, advanced: boolean): ModelEntry => ({
  name,
  about: `Lip-sync: the face in video-url speaks audio-url${advanced ? '' : ' (no temperature or active_speaker)'}`,
  page: foxPage('en/lipsync/lipsync-2'),
  read: 'full',
  fields: {
    video_url: video,
    audio_url: audio,
    sync_mode: SYNC_MODE,
    ...(advanced ? { temperature: { type: 'number', min: 0, max: 1, default: 0.5 }, active_speaker: { type: 'bool' } } : {}),
  },
  inputs: { 'video-url': 'video_url', 'audio-url': 'audio_url' },
  typicalSeconds: 45,
  note: 'sync_mode decides the length when video and audio differ.',
})

const portraitModel = (name: string, about: string, page: string, extra: Readonly<Record<string, FieldSpec>>): ModelEntry => ({
  name,
  about,
  page,
  read: 'partial',
  open: true,
  fields: { image_url: portrait, audio_url: audio, prompt: { type: 'prompt' }, ...extra },
  inputs: { 'image-url': 'image_url', 'audio-url': 'audio_url', prompt: 'prompt' },
  typicalSeconds: 90,
  note: 'The clip follows the audio (its length and billing).',
})

const entries: ModelEntry[] = [
  lipsync('lipsync-2', true),
  lipsync('lipsync-2-pro', true),
  lipsync('sync-3', false),
  {
    name: 'heygen-video-agent',
    about: 'HeyGen video agent: a prompt; the agent picks cast, script, edit and length',
    page: foxPage('en/heygen/heygen-video-agent'),
    read: 'partial',
    open: true,
    fields: {
      prompt: { type: 'prompt', required: true, cap: 10000 },
      avatar_id: { type: 'text', max: 200 },
      voice_id: { type: 'text', max: 200 },
    },
    inputs: { prompt: 'prompt' },
    typicalSeconds: 180,
    note: 'Its length is not settable; avatar_id and voice_id (or auto) go in parameters.',
  },
  portraitModel(
    'omnihuman-1.5',
    'OmniHuman 1.5: the portrait in image-url speaks audio-url (≤ 30 s; 60 s in 720p mode)',
    foxPage('zh/omnihuman/omnihuman-1.5-video-generate'),
    {
      turbo_mode: { type: 'bool' },
    },
  ),
  portraitModel('creatify-aurora', 'Creatify Aurora: the portrait in image-url speaks audio-url (≤ 60 s)', foxPage('zh/vidu/vidu-q3'), {
    guidance_scale: { type: 'number' },
    resolution: { type: 'text', max: 20 },
  }),
]

export const LIPSYNC_AVATARS: ModelFamily = { name: 'Lip-sync and avatars', entries }
