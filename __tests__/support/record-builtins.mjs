// Loaded into dist/index.js with NODE_OPTIONS=--import by __tests__/start-up.e2e.test.ts: when the process
// exits, it writes the names of the built-in modules the process loaded, one per line, to the file named by
// FOXAPI_TEST_BUILTINS_FILE.
import { writeFileSync } from 'node:fs'
import process from 'node:process'

process.on('exit', () => {
  writeFileSync(process.env.FOXAPI_TEST_BUILTINS_FILE ?? '', process.moduleLoadList.join('\n'))
})
