// `npm run simulator [-- --port 8787 --task-seconds 20]`: the FoxAPI simulator on 127.0.0.1, for trying the
// action by hand (e.g. `INPUT_API-KEY=sk-test-valid-key INPUT_BASE-URL=<url> INPUT_PROMPT=hi node dist/index.js`).
import { parseArgs } from 'node:util'
import { DEFAULT_API_KEYS, startFoxApiSimulator } from '../simulator/foxapi-simulator'

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, 'task-seconds': { type: 'string', default: '10' } } })
const simulator = await startFoxApiSimulator({ port: Number(values.port), taskDurationMs: Number(values['task-seconds']) * 1000 })
console.log(`FoxAPI simulator listening on ${simulator.url} (tasks take ${values['task-seconds']}s; API key: ${DEFAULT_API_KEYS[0]})`)
console.log('Press Ctrl-C to stop.')
const shutdown = () => void simulator.close().then(() => process.exit(0))
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
