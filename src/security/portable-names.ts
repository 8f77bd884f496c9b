// Names every runner system can hold: Windows refuses some characters in file names, drops a trailing dot or
// space, and keeps device names (CON, NUL, ...) in every folder; actions/upload-artifact refuses the same
// characters in a path on every system. Checked on every system, so a workflow that passes on Linux does not
// fail on Windows after paying, and a name that is a device on Windows is never read.

// eslint-disable-next-line no-control-regex -- control characters are among what this refuses
const NON_PORTABLE_CHARACTER = /[<>:"|?*\u0000-\u001f]/
/** Names Windows keeps for devices, with or without an extension: a file there is the device, or cannot be opened. */
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i

/** Whether `part` (one path component) is a device on Windows: CON, PRN, AUX, NUL, COM0-9, LPT0-9, with any extension. */
export function isWindowsDeviceName(part: string): boolean {
  return WINDOWS_DEVICE_NAME.test(part)
}

/** Why one part of a path is not a name every runner system can hold (and upload-artifact accepts), or undefined. */
export function portableNameProblem(part: string): string | undefined {
  const character = NON_PORTABLE_CHARACTER.exec(part)?.[0]
  if (character !== undefined) {
    const shown = character.charCodeAt(0) < 0x20 ? 'a control character' : `'${character}'`
    return `has ${shown}, which Windows cannot hold in a file name and actions/upload-artifact refuses`
  }
  if (/[. ]$/.test(part) && part !== '.' && part !== '..') return 'ends with a dot or a space, which Windows drops from a file name'
  if (isWindowsDeviceName(part)) return 'is a device name on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9), with or without an extension'
  return undefined
}
