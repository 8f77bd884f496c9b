// The "Your own media" page: its worked example is examples/product-clip.yml, word for word, the README links
// both, and the product photo the demo animates is one the action's own checks take.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readMediaFile } from '../src/media/media-files'

const root = path.resolve(__dirname, '..')
const read = (file: string) => readFileSync(path.join(root, file), 'utf8')

describe('docs/your-own-media.md', () => {
  it('shows examples/product-clip.yml exactly (the file adds only its header comment)', () => {
    const shown = /```yaml\n([\s\S]*?)```/.exec(read('docs/your-own-media.md'))?.[1] ?? ''
    const example = read('examples/product-clip.yml')
    expect(shown).toContain('image-url: assets/product.png')
    expect(example.replace(/^(#.*\n)+/, '')).toBe(shown)
  })

  it('is linked from the README, with the example workflow', () => {
    const readme = read('README.md')
    expect(readme).toContain('(docs/your-own-media.md)')
    expect(readme).toContain('(examples/product-clip.yml)')
  })

  it('the demo’s product photo passes the checks a workspace image goes through', () => {
    const checked = readMediaFile('examples/assets/product.png', root)
    expect(checked.ok && checked.file.type.name).toBe('png')
    expect(checked.ok && checked.file.bytes).toBeLessThan(10_000_000)
  })
})
