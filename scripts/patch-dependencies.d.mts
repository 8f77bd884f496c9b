// Types of scripts/patch-dependencies.mjs (plain JavaScript so that `npm ci` can run it before anything else is installed).
export interface DependencyPatch {
  /** The file, relative to node_modules. */
  file: string
  /** Each exact text and its replacement, in order; each text must occur exactly once. */
  replacements: [from: string, to: string][]
  /** Text that shows the file is patched already (default: the comment the first patch leaves). */
  mark?: string
}
export const PATCHES: DependencyPatch[]
export function patchText(text: string, patch: DependencyPatch): string
export function patchDependencies(nodeModules: string): string[]
