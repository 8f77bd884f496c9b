// Entry point of dist/index.js, which action.yml runs for both the main and the post step: the runner starts
// the same file twice, so the first run leaves a state value that tells the second it is the post step.
// Only dispatches; main.ts and post.ts each export run(), which never throws.
import * as core from '@actions/core'
import { State } from './constants'
import { run as runMain } from './main'
import { run as runPost } from './post'

if (core.getState(State.IsPost) === 'true') {
  void runPost()
} else {
  core.saveState(State.IsPost, 'true')
  void runMain()
}
