// Names every runner system can hold: Windows refuses some characters in file names, drops a trailing dot or
// space, and keeps device names (CON, NUL, ...) in every folder; actions/upload-artifact refuses the same
// characters in a path on every system. Checked on every system, so a workflow that passes on Linux does not
// fail on Windows after paying, and a name that is a device on Windows is never read.

// eslint-disable-next-line no-control-regex -- control characters are among what this refuses
const NON_PORTABLE_CHARACTER = /[<>:"|?*\u0000-\u001f]/
/**
 * Names Windows keeps for devices: a file there is the device, or cannot be opened. Windows judges the part
 * before the first dot with trailing spaces dropped, so `NUL.txt`, `con .mp4` and `CONIN$.x.y` are devices too.
 */
const WINDOWS_DEVICE_STEM = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i

/**
 * Whether `part` (one path component) is a device on Windows: CON, PRN, AUX, NUL, COM0-9, LPT0-9, CONIN$,
 * CONOUT$, CLOCK$, with any extension and with spaces before it.
 */
export function isWindowsDeviceName(part: string): boolean {
  const stem = part.split('.')[0] ?? ''
  return WINDOWS_DEVICE_STEM.test(stem.replace(/ +$/, ''))
}

/**
 * A name as a case-insensitive file system (macOS, Windows) sees it, for telling whether two names are one
 * file: Unicode-normalised (NFC, so `café` composed and decomposed are one) and case-folded (upper then
 * lower case, so `ß` and `SS` are one too). Stricter than any one file system, which is the safe side.
 */
export function foldedName(text: string): string {
  return text.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC')
}

/** Longest batch entry name, in characters. */
export const MAX_ENTRY_NAME_CHARS = 100

// actions/upload-artifact refuses these in an artifact name (and " : < > | * ? \r \n in any file path too).
// eslint-disable-next-line no-control-regex -- control characters are among what this refuses
const NOT_IN_AN_ENTRY_NAME = /[":<>|*?\\/\u0000-\u001f\u007f]/

/**
 * Why a batch entry's name cannot go everywhere a workflow puts it, or undefined. The `matrix` output hands
 * it to later jobs, which use it in an artifact name and a file name (examples/matrix.yml): so at most
 * MAX_ENTRY_NAME_CHARS characters, none that actions/upload-artifact refuses in a name or that Windows
 * cannot hold in a file name, no dot or space at its end, and not a Windows device name.
 */
export function entryNameProblem(name: string): string | undefined {
  const length = [...name].length
  if (length > MAX_ENTRY_NAME_CHARS) return `is ${length} characters long; at most ${MAX_ENTRY_NAME_CHARS} are allowed`
  const character = NOT_IN_AN_ENTRY_NAME.exec(name)?.[0]
  if (character !== undefined) {
    const code = character.charCodeAt(0)
    const shown = code < 0x20 || code === 0x7f ? 'a control character' : `'${character}'`
    return `has ${shown}, which an artifact name or a file name cannot hold (names are used in both: a name may not hold " : < > | * ? \\ / or control characters)`
  }
  if (/[. ]$/.test(name)) return 'ends with a dot or a space, which Windows drops from a file name'
  if (isWindowsDeviceName(name)) return 'is a device name on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9, CONIN$, CONOUT$, CLOCK$)'
  return undefined
}

/** Why one part of a path is not a name every runner system can hold (and upload-artifact accepts), or undefined. */
export function portableNameProblem(part: string): string | undefined {
  const character = NON_PORTABLE_CHARACTER.exec(part)?.[0]
  if (character !== undefined) {
    const shown = character.charCodeAt(0) < 0x20 ? 'a control character' : `'${character}'`
    return `has ${shown}, which Windows cannot hold in a file name and actions/upload-artifact refuses`
  }
  if (/[. ]$/.test(part) && part !== '.' && part !== '..') return 'ends with a dot or a space, which Windows drops from a file name'
  if (isWindowsDeviceName(part))
    return 'is a device name on Windows (CON, PRN, AUX, NUL, COM0-9, LPT0-9, CONIN$, CONOUT$, CLOCK$), with or without an extension'
  return undefined
}
