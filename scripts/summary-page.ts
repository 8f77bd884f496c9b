// A job summary rendered the way GitHub renders it, and shown in a real browser: the summary file's Markdown (with
// its raw HTML) through GitHub Flavored Markdown (remark-gfm) and GitHub's sanitising allow-list (rehype-sanitize's
// default schema is GitHub's), styled with GitHub's own Markdown CSS (github-markdown-css) inside a box like the
// one on a run's page; then opened in Debian's Chromium through playwright-core. Used by `npm run screenshots`
// (scripts/render-summaries.ts) and by the rendered-summary test.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

/**
 * The browser: CHROMIUM_PATH when set, else Debian's Chromium (`apt-get install chromium`, what .ci/run installs),
 * else the Google Chrome that GitHub's Ubuntu, macOS and Windows runners come with (the CI workflow's test jobs).
 */
export const CHROMIUM =
  process.env.CHROMIUM_PATH ||
  [
    '/usr/bin/chromium',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ].find((file) => existsSync(file)) ||
  '/usr/bin/chromium'

/** Width of the browser window: a laptop's, where a run page's summary box is about 900 pixels wide. */
export const PAGE_WIDTH = 1000

/** The summary's Markdown as GitHub shows it: GFM, raw HTML re-parsed, then only what GitHub allows kept. */
export async function githubHtml(markdown: string): Promise<string> {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize)
    .use(rehypeStringify)
    .process(markdown)
  return String(file)
}

const css = readFileSync(createRequire(import.meta.url).resolve('github-markdown-css/github-markdown-light.css'), 'utf8')

/** A whole page: the rendered summary in a box titled like a job's summary on a run's page. */
export async function summaryPage(markdown: string, title: string): Promise<string> {
  const body = await githubHtml(markdown)
  const escapedTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapedTitle}</title><style>${css}
body { margin: 0; background: #f6f8fa; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.run { box-sizing: border-box; width: 100%; padding: 24px; }
.box { background: #fff; border: 1px solid #d1d9e0; border-radius: 6px; }
.box-title { padding: 16px 24px; border-bottom: 1px solid #d1d9e0; font-size: 14px; font-weight: 600; color: #1f2328; }
.markdown-body { box-sizing: border-box; padding: 8px 24px 24px; font-size: 14px; }
</style></head><body><div class="run"><div class="box"><div class="box-title">${escapedTitle}</div>
<div class="markdown-body">${body}</div></div></div></body></html>`
}

/** A headless Chromium (the flags known to work on a closed network), with a fresh profile removed by close(). */
export async function openBrowser(): Promise<{ page: Page; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'foxapi-chromium-'))
  let context: BrowserContext | undefined
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: PAGE_WIDTH, height: 800 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
  } catch (error) {
    rmSync(profile, { recursive: true, force: true })
    throw error
  }
  const open = context
  const page = open.pages()[0] ?? (await open.newPage())
  // The summary is rendered offline: nothing the page names (a FoxAPI link, an image) is fetched.
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()))
  return {
    page,
    close: async () => {
      await open.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** Shows `html` in the page (set as its content: nothing is loaded from anywhere). */
export async function show(page: Page, html: string): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' })
}

// The two checks run in the page. They are text (the project's TypeScript has no DOM types): plain browser JavaScript.
const OVERFLOWING = `(width) => {
  const wide = []
  if (document.documentElement.scrollWidth > width) wide.push('the page is ' + document.documentElement.scrollWidth + 'px wide')
  for (const element of document.querySelectorAll('.markdown-body *')) {
    const box = element.getBoundingClientRect()
    if (box.width > 0 && box.right > width + 0.5)
      wide.push('<' + element.tagName.toLowerCase() + '> ends at ' + Math.round(box.right) + 'px: ' + (element.textContent || '').slice(0, 60))
  }
  return wide
}`
const VISIBLE_TEXT = `(wanted) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.innerText || '').includes(wanted)) continue
    // The innermost element holding all of it must be shown.
    if (Array.from(node.children).some((child) => (child.innerText || '').includes(wanted))) continue
    return node.checkVisibility() && node.getBoundingClientRect().height > 0
  }
  return false
}`

/** What a reader would miss: elements sticking out past the window's right edge. */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(${OVERFLOWING})(${PAGE_WIDTH})`)
}

/** Whether `text` is on the page where a reader sees it without opening anything (not inside a closed <details>). */
export async function visibleText(page: Page, text: string): Promise<boolean> {
  return page.evaluate<boolean>(`(${VISIBLE_TEXT})(${JSON.stringify(text)})`)
}
