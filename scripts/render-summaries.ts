// `npm run screenshots`: runs the built action (dist/) against the FoxAPI simulator in the sample runs of
// simulator/sample-runs.ts (a single clip, a batch of three with one failure, a wrong shape, a budget skip, a dry run
// from a pull request), renders each job summary as GitHub does (scripts/summary-page.ts) in Debian's Chromium, and
// writes docs/summary-<sample>.png. Run `npm run build` first when src/ changed. Needs Chromium
// (`apt-get install chromium`); CHROMIUM_PATH names another binary.
import { mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { removeHarnessFolders } from '../simulator/actions-runner'
import { runSamples, SAMPLE_NAMES, type SampleName } from '../simulator/sample-runs'
import { openBrowser, overflowing, show, summaryPage } from './summary-page'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const docs = path.join(root, 'docs')

const asked = process.argv.slice(2).filter((name): name is SampleName => (SAMPLE_NAMES as readonly string[]).includes(name))
const { samples, folder } = await runSamples(asked.length > 0 ? asked : SAMPLE_NAMES)
const browser = await openBrowser()
let problems = 0
try {
  mkdirSync(docs, { recursive: true })
  for (const sample of samples) {
    await show(browser.page, await summaryPage(sample.run.summary, `${sample.name === 'dry-run' ? 'plan' : 'clips'} summary`))
    const wide = await overflowing(browser.page)
    for (const line of wide) console.error(`${sample.name}: ${line}`)
    problems += wide.length
    const file = path.join(docs, `summary-${sample.name}.png`)
    await browser.page.locator('.run').screenshot({ path: file })
    console.log(`${path.relative(root, file)}: ${sample.title} (exit code ${sample.run.exitCode})`)
  }
} finally {
  await browser.close()
  removeHarnessFolders()
  rmSync(folder, { recursive: true, force: true })
}
process.exitCode = problems > 0 ? 1 : 0
