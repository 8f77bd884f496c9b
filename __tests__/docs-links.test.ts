// The documentation a reader follows: every relative link in the README, CONTRIBUTING.md, SECURITY.md,
// CHANGELOG.md and docs/*.md points to a file or folder that exists, and a link to a heading (`page.md#a-heading`
// or `#a-heading`) to a heading that page has. Each reference page says what it covers and links back to the README.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')
const docs = readdirSync(path.join(root, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => `docs/${name}`)
const pages = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md', ...docs]

/** A page's text without its fenced code blocks, where `# x` is no heading and `[x](y)` no link. */
function unfenced(text: string): string {
  let fenced = false
  const lines = text.split('\n').filter((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced
    else if (!fenced) return true
    return false
  })
  return lines.join('\n')
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const found = new Set<string>()
  for (const [, heading] of unfenced(markdown).matchAll(/^#{1,6}\s+(.*)$/gm)) {
    const base = (heading ?? '')
      .replace(/`/g, '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    found.add(count === 0 ? base : `${base}-${count}`)
  }
  return found
}

/** Relative link targets of a page: `[text](target)`, without web, mail and absolute links. */
function relativeLinks(markdown: string): string[] {
  // Inline code is not a link either.
  return [
    ...unfenced(markdown)
      .replace(/`[^`\n]*`/g, '')
      .matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g),
  ]
    .map((m) => m[1] ?? '')
    .filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('/'))
}

describe('links in the documentation', () => {
  it('finds the pages and their links', () => {
    expect(docs).toEqual(
      expect.arrayContaining([
        'docs/scheduled-runs.md',
        'docs/batches-and-matrix.md',
        'docs/models.md',
        'docs/verify.md',
        'docs/cache-and-reruns.md',
        'docs/reliability-and-security.md',
      ]),
    )
    expect(relativeLinks(readFileSync(path.join(root, 'README.md'), 'utf8'))).toEqual(
      expect.arrayContaining(['docs/scheduled-runs.md', 'SECURITY.md', 'CONTRIBUTING.md', 'CHANGELOG.md']),
    )
  })

  it.each(pages)('%s: every relative link points to a file, and to a heading it has', (page) => {
    const broken: string[] = []
    for (const target of relativeLinks(readFileSync(path.join(root, page), 'utf8'))) {
      const [file = '', anchor] = target.split('#')
      const resolved = file === '' ? path.join(root, page) : path.resolve(path.dirname(path.join(root, page)), decodeURI(file))
      if (!existsSync(resolved)) {
        broken.push(`${target}: no such file`)
        continue
      }
      if (anchor !== undefined && resolved.endsWith('.md') && !anchors(readFileSync(resolved, 'utf8')).has(anchor))
        broken.push(`${target}: no heading #${anchor}`)
    }
    expect(broken).toEqual([])
  })

  it('computes anchors as GitHub does', () => {
    expect([...anchors('# The clip is checked (`verify`)\n## Money: nothing paid is lost\n## Files\n## Files\n')]).toEqual([
      'the-clip-is-checked-verify',
      'money-nothing-paid-is-lost',
      'files',
      'files-1',
    ])
  })
})

describe('the reference pages', () => {
  it.each(docs)('%s starts with a title, then a paragraph that says what it covers and links back to the README', (page) => {
    const text = readFileSync(path.join(root, page), 'utf8')
    const [title, intro] = text.split(/\n\s*\n/)
    expect(title).toMatch(/^# \S/)
    expect(intro).toMatch(/^This page covers /)
    expect(intro).toContain('](../README.md)')
  })
})
