// Text that came from outside (FoxAPI replies, cache entries, inputs) shown as data: every control character
// made visible, so it can neither break a log line in two nor start a workflow command, and capped in length.

/** Longest piece of server text (an error message, a status) the action repeats anywhere. */
export const MAX_SERVER_TEXT = 500

const CONTROL_PICTURES_START = 0x2400

/**
 * Makes every control character visible: a line break becomes `⏎`, other C0 controls their Unicode control
 * picture (`␛`, `␀`, …), C1 controls, line/paragraph separators and bidi overrides a `\u{…}` escape. Tabs
 * become spaces. The result is always one line.
 */
export function makeVisible(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this function
  return text.replace(/\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => {
    if (c === '\r\n' || c === '\n' || c === '\r') return '⏎'
    if (c === '\t') return ' '
    const code = c.charCodeAt(0)
    if (code < 0x20) return String.fromCharCode(CONTROL_PICTURES_START + code)
    if (code === 0x7f) return '␡'
    return `\\u{${code.toString(16)}}`
  })
}

/**
 * One log line that cannot be read as a workflow command: `::command::` at its start (after any blanks)
 * and the older `##[command]` form anywhere get a backslash, so the runner shows them as text.
 */
export function neutraliseCommands(line: string): string {
  return line.replace(/^(\s*)::/, '$1\\::').replace(/##\[/g, '##\\[')
}

/** Caps outside text at `max` characters (default {@link MAX_SERVER_TEXT}), the last one `…`. Capping twice changes nothing. */
export function capText(text: string, max = MAX_SERVER_TEXT): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
