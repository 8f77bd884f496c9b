// Entry point of dist/index.js, which action.yml runs for both the main and the post step: the runner starts
// the same file twice, so the first run leaves a state value that tells the second it is the post step.
// Only dispatches; main.ts and post.ts each export run(), which never throws.
import * as core from '@actions/core'
import { State } from './constants'
import * as log from './log'
import { run as runMain } from './main'
import { saveStateSafely } from './report/actions-io'
import { run as runPost } from './post'
import { messageOf } from './errors'

// A promise nobody awaited must not kill the step after a task was paid for (Node's default for an
// unhandled rejection is to exit): it is reported, and the run goes on to write its results.
process.on('unhandledRejection', (reason: unknown) => {
  log.warning(`Internal error in a background operation (the run goes on): ${messageOf(reason)}`)
})

if (core.getState(State.IsPost) === 'true') {
  void runPost()
} else {
  saveStateSafely(State.IsPost, 'true')
  void runMain()
}
