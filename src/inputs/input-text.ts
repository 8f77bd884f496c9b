// How an input's value is quoted in a problem message: as JSON (control characters escaped), cut short when long,
// so an echo of a hostile or huge value stays one short, inert line.

/** The value as a quoted string for a message, cut short when long. */
export function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)
}
