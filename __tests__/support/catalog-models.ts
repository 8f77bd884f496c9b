// The video models of FoxAPI's catalog (/work/shared/foxapi-catalog.md, §1), as a fixture: the registry is
// held to it (__tests__/models/registry.test.ts). Where the catalog file is present (next to the repository, as
// ../shared/foxapi-catalog.md), its model strings are read from it, and this list must say the same.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Section §1a–§1i of the catalog, model by model, in its order. */
export const CATALOG_MODELS: Readonly<Record<string, readonly string[]>> = {
  '1a Kling': [
    'kling-o3-reference-to-video',
    'kling-o3-ref',
    'kling-o3-image-to-video',
    'kling-o3-video-to-video-edit',
    'kling-v3-text-to-video',
    'kling-v3-image-to-video',
    'kling-v3-motion-control',
    'kling-v2-6-motion-control',
    'kling-video-create-voice',
  ],
  '1b Sora 2': ['sora-2', 'sora-2-pro', 'sora-2-character', 'sora-2-preview'],
  '1c Veo 3.1': [
    'veo-3.1-fast',
    'veo-3.1',
    'veo-3.1-image-to-video',
    'veo-3.1-fast-image-to-video',
    'veo-3.1-lite-image-to-video',
    'veo-3.1-reference-to-video',
    'veo-3.1-fast-reference-to-video',
    'veo-3.1-first-last-frame-to-video',
    'veo-3.1-fast-first-last-frame-to-video',
    'veo-3.1-lite-first-last-frame-to-video',
    'veo-3.1-extend',
    'veo-3.1-extend-fast',
    'veo3.1-fast',
  ],
  '1d Seedance 2.0': [
    'seedance-2.0-reference-to-video',
    'seedance-2.0-fast-reference-to-video',
    'seedance-2.0-image-to-video',
    'seedance-2.0-fast-image-to-video',
    'seedance-2.0-text-to-video',
    'seedance-2.0-fast-text-to-video',
  ],
  '1e Wan 2.7': ['wan-2.7-text-to-video', 'wan-2.7-image-to-video', 'wan-2.7-reference-to-video'],
  '1f HappyHorse 1.0': [
    'happyhorse-1.0-text-to-video',
    'happyhorse-1.0-image-to-video',
    'happyhorse-1.0-reference-to-video',
    'happyhorse-1.0-video-edit',
  ],
  '1g Grok Imagine': [
    'grok-imagine-text-to-video',
    'grok-imagine-image-to-video',
    'grok-imagine-reference-to-video',
    'grok-imagine-edit-video',
    'grok-imagine-video-extension',
  ],
  '1h Vidu Q3': ['vidu-q3-pro', 'vidu-q3-turbo'],
  '1i Lip-sync, avatars, PixVerse': [
    'lipsync-2',
    'lipsync-2-pro',
    'sync-3',
    'heygen-video-agent',
    'omnihuman-1.5',
    'creatify-aurora',
    'pixverse-v6-text-to-video',
    'pixverse-v6-image-to-video',
    'pixverse-c1-transition',
  ],
}

/** Where the catalog lives beside this repository, when it does. */
export const CATALOG_FILE = path.resolve(import.meta.dirname, '../../../shared/foxapi-catalog.md')

/** The model strings of the catalog's §1 tables (every backticked name in a row's first cell), or undefined without the file. */
export function catalogModelsFromFile(file = CATALOG_FILE): string[] | undefined {
  if (!existsSync(file)) return undefined
  const text = readFileSync(file, 'utf8')
  const start = text.indexOf('## 1.')
  const end = text.indexOf('## 2.', start)
  const section = text.slice(start, end < 0 ? undefined : end)
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1] as string))
}
