// The names the action shares with the outside: inputs and outputs (as action.yml declares them) and the
// state the main step leaves for the post step. Code reads an input or sets an output only by a name from
// here, so a typo is a type error, and __tests__/action-metadata.test.ts checks these lists against action.yml.

/**
 * The inputs that fill request fields (which ones a model takes is up to the model: src/models). `prompt` comes
 * first; action.yml lists `prompt-file` right after it.
 */
export const FIELD_INPUTS = [
  'prompt',
  'mode',
  'aspect-ratio',
  'duration',
  'image-list',
  'video-list',
  'multi-prompt',
  'resolution',
  'generate-audio',
  'negative-prompt',
  'image-url',
  'end-image-url',
  'video-url',
  'audio-url',
  'seed',
] as const
export type FieldInput = (typeof FIELD_INPUTS)[number]

const [PROMPT_INPUT, ...OTHER_FIELD_INPUTS] = FIELD_INPUTS

/** Every input of action.yml, in its order. */
export const INPUT_NAMES = [
  'api-key',
  'base-url',
  'model',
  PROMPT_INPUT,
  'prompt-file',
  ...OTHER_FIELD_INPUTS,
  'parameters',
  'upload-cleanup',
  'wait',
  'timeout',
  'poll-interval',
  'request-timeout',
  'download',
  'output-path',
  'max-download-size',
  'verify',
  'cancel-on-timeout',
  'task-id',
  'cache',
  'cache-key',
  'reuse',
  'batch',
  'concurrency',
  'fail-fast',
  'dry-run',
  'preview-event',
  'preview-cron',
  'preview-workflow',
  'only',
  'pick',
  'timezone',
  'variables',
  'results-file',
  'max-credits',
  'budget-period',
  'github-token',
] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** Every output of action.yml, in its order. */
export const OUTPUT_NAMES = [
  'task-id',
  'status',
  'progress',
  'video-url',
  'video-path',
  'video-sha256',
  'video-duration',
  'video-width',
  'video-height',
  'video-codec',
  'video-has-audio',
  'asset-id',
  'content-credentials',
  'cache-hit',
  'result',
  'result-file',
  'results',
  'matrix',
  'matrix-file',
  'results-file',
  'left-running',
  'credits',
] as const
export type OutputName = (typeof OUTPUT_NAMES)[number]

/** Values the main step saves (core.saveState) for the post step of the same job. */
export const State = {
  /** Set by the first run of dist/index.js, so the second (the post step) knows it is the post step. */
  IsPost: 'isPost',
  /** JSON array of the task ids still being waited for; the post step cancels them if the main step was killed. */
  WaitingTasks: 'waiting-task-ids',
  /** The cancel-on-timeout input, as `true` / `false`. */
  CancelOnTimeout: 'cancel-on-timeout',
  /** The validated base-url, so the post step talks to the same API. */
  BaseUrl: 'base-url',
} as const

/** The folder, relative to the workspace, where cache entries are staged to be saved; removed after each run. */
export const CACHE_DIRECTORY = '.foxapi-video-cache'
