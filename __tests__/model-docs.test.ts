// The model tables are generated from the registry (`npm run docs`): docs/models.md has every model, family by
// family, and the README one line per family, and both must be current. The README stays a user's page (≤ 450 lines).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FAMILIES } from '../src/models/families'
import { MODELS } from '../src/models'
import { withFamiliesTable, withModelsTable } from '../scripts/readme-tables'
import { aspectsOf, durationsOf, promptCapOf } from '../scripts/model-tables'

const root = path.resolve(import.meta.dirname, '..')
const readme = readFileSync(path.join(root, 'README.md'), 'utf8')
const modelsPage = readFileSync(path.join(root, 'docs/models.md'), 'utf8')

describe('the model tables', () => {
  it('docs/models.md and the README say what the registry says (run `npm run docs` to update)', () => {
    expect(withModelsTable(modelsPage)).toBe(modelsPage)
    expect(withFamiliesTable(readme)).toBe(readme)
  })

  it('docs/models.md has a row for every model and a section for every family', () => {
    for (const name of MODELS.keys()) expect(modelsPage).toContain(`| \`${name}\``)
    for (const family of FAMILIES) expect(modelsPage).toContain(`### ${family.name}\n`)
  })

  it("says each model's durations, aspects and prompt cap as the registry holds them", () => {
    const entry = (name: string) => MODELS.get(name)?.entry ?? expect.fail(name)
    expect(durationsOf(entry('sora-2'))).toBe('4, 8, 12, 16, 20 · **4**')
    expect(durationsOf(entry('seedance-2.0-reference-to-video'))).toBe('4–15 or -1 · **5**')
    expect(durationsOf(entry('lipsync-2'))).toBe('from its input')
    expect(durationsOf(entry('kling-video-create-voice'))).toBe('no video')
    expect(aspectsOf(entry('seedance-2.0-reference-to-video'))).toBe('16:9, 4:3, 1:1, 3:4, 9:16, 21:9, **adaptive**')
    expect(promptCapOf(entry('heygen-video-agent'))).toBe('10000')
    expect(promptCapOf(entry('veo-3.1-fast'))).toBe('not stated')
    expect(promptCapOf(entry('lipsync-2'))).toBe('no prompt')
  })

  it('keeps the README a user page of at most 450 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(450)
  })
})
