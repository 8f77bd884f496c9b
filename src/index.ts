// Entry point of dist/index.js, for both the main step and the post step (told apart by saved state).
import * as core from '@actions/core'
import * as log from './log'
import { run } from './main'
import { runPost } from './post'

const IS_POST = 'isPost'

async function entry(): Promise<void> {
  if (core.getState(IS_POST) === 'true') {
    await runPost()
  } else {
    core.saveState(IS_POST, 'true')
    await run()
  }
}

entry().catch((error: unknown) => {
  // Last resort: a bug, never a stack trace with secrets in it.
  log.setFailed(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`)
})
