// Run by `npm ci` and `npm install` (package.json `postinstall`), and by `npm run build` to be sure. It makes
// two small changes to installed packages, and fails the install when a package no longer looks as expected,
// so that an update (Dependabot's, say) cannot drop a change unnoticed. Plain JavaScript with no
// dependencies: it runs before anything else can.
//
// 1. @actions/cache exports its internal modules (`lib/internal/*.js`), so that src/cache/actions-cache.ts can
// find and download an entry with the package's own code and stop before its `tar -P -C <workspace>`: an entry
// anyone in the cache scope may have forged is read member by member instead (src/cache/entry-archive.ts).
//
// 2. @actions/core imports its OIDC client at the top of core.js, and with it @actions/http-client and all of
// undici (about 1.3 MB), only for getIDToken(), which this action never calls. The toolkit does not declare
// its modules free of side effects, so no bundler can leave them out (actions/toolkit#1697, #1893), and every
// start of dist/index.js paid about 45 ms to compile and run undici before reading a single input. The change
// moves that import into getIDToken() itself: getIDToken() works as before, and undici loads when a run
// first needs the network (src/run/generation.ts), not when an input error or an idle post step ends the step.
//
// 3. @actions/cache's cache service client gives up at once on a 429 (GitHub throttles cache uploads past 200 a
// minute), though the answer says when to come back (Retry-After): so a clip's record or the clip itself was not
// saved, and a task could be paid for twice on a re-run. The change tries the request again once Retry-After has
// passed, when that is a minute or less and attempts are left (the client's own five); a longer wait still gives
// up as before, and the action then says how to collect the task (src/run/clip-pipeline.ts).
import console from 'node:console'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const MARK = '/* foxapi-video-action: OIDC client loaded on first use (scripts/patch-dependencies.mjs) */'
const THROTTLE_MARK =
  '/* foxapi-video-action: a throttled request is tried again once Retry-After has passed (scripts/patch-dependencies.mjs) */'
const THROTTLE_RETRY = `                        ${THROTTLE_MARK}
                        const retryAfterMs = /^\\d+$/.test(String(retryAfterHeader).trim()) ? Number(retryAfterHeader) * 1000 : Date.parse(String(retryAfterHeader)) - Date.now();
                        if (retryAfterMs > 0 && retryAfterMs <= 60000 && attempt + 1 < this.maxAttempts) {
                            info(\`Rate limited: trying again in \${Math.ceil(retryAfterMs / 1000)} s, as the cache service asked (Retry-After).\`);
                            yield this.sleep(retryAfterMs);
                            attempt++;
                            continue;
                        }
`
const CACHE_EXPORTS = `    "./lib/internal/*.js": {
      "types": "./lib/internal/*.d.ts",
      "import": "./lib/internal/*.js"
    }`

/** Each patch: the file (relative to node_modules), the exact replacements it makes, in order, and the text that shows it applied (default MARK). */
export const PATCHES = [
  {
    file: '@actions/core/lib/core.js',
    replacements: [
      [`import { OidcClient } from './oidc-utils.js';\n`, `${MARK}\n`],
      [
        `        return yield OidcClient.getIDToken(aud);\n`,
        `        const { OidcClient } = yield import('./oidc-utils.js');\n        return yield OidcClient.getIDToken(aud);\n`,
      ],
    ],
  },
  {
    file: '@actions/cache/package.json',
    mark: '"./lib/internal/*.js"',
    replacements: [
      [`      "import": "./lib/cache.js"\n    }\n  },\n`, `      "import": "./lib/cache.js"\n    },\n${CACHE_EXPORTS}\n  },\n`],
    ],
  },
  {
    file: '@actions/cache/lib/internal/shared/cacheTwirpClient.js',
    mark: THROTTLE_MARK,
    replacements: [
      [
        `                        const retryAfterHeader = response.message.headers['retry-after'];\n`,
        `                        const retryAfterHeader = response.message.headers['retry-after'];\n${THROTTLE_RETRY}`,
      ],
    ],
  },
]

/** The patched text of one file, or the text unchanged when it is patched already; throws when a replacement's text is missing. */
export function patchText(text, patch) {
  if (text.includes(patch.mark ?? MARK)) return text
  let patched = text
  for (const [from, to] of patch.replacements) {
    const at = patched.indexOf(from)
    if (at < 0 || patched.indexOf(from, at + 1) >= 0) {
      throw new Error(
        `node_modules/${patch.file} no longer contains ${JSON.stringify(from.trim())} exactly once: ` +
          'the package changed, so check whether scripts/patch-dependencies.mjs is still needed and update it',
      )
    }
    patched = patched.slice(0, at) + to + patched.slice(at + from.length)
  }
  return patched
}

/** Applies every patch under `nodeModules`; returns the files it changed. */
export function patchDependencies(nodeModules) {
  const changed = []
  for (const patch of PATCHES) {
    const file = path.join(nodeModules, patch.file)
    const text = readFileSync(file, 'utf8')
    const patched = patchText(text, patch)
    if (patched !== text) {
      writeFileSync(file, patched)
      changed.push(patch.file)
    }
  }
  return changed
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const nodeModules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules')
  try {
    const changed = patchDependencies(nodeModules)
    if (changed.length > 0) console.log(`patched ${changed.join(', ')} (see scripts/patch-dependencies.mjs)`)
  } catch (error) {
    console.error(`patch-dependencies: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
