// The job summary's HTML, built so that it is well formed and inert by construction: an element is made by el(),
// which always writes its closing tag (an empty cell is `<td></td>`, never a bare `<td>`), and a child is either
// markup made here (an Html value) or text, which is always escaped by cell() on the way in. Outside text can
// therefore never open, close or inject an element, whatever it holds.
import { redact } from '../secrets'
import { capText, makeVisible } from '../security/visible-text'

/** Longest text in one summary cell, before escaping. */
export const MAX_CELL_CHARS = 2_000

/** Markup made by this module (never text from outside, which is a plain string until cell() escapes it). */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html
  }
}

/** A child of an element: markup, text (escaped), or nothing (left out). */
export type Child = Html | string | undefined | false

/** Elements written with no closing tag in HTML (void elements): the only ones. */
const VOID_ELEMENTS = new Set(['br', 'hr'])

/**
 * An element with its attributes (each value escaped, undefined left out) and children, always closed. Text
 * children go through cell(): redacted, capped, one line, escaped.
 */
export function el(tag: string, attributes: Record<string, string | undefined> | undefined, ...children: Child[]): Html {
  const attrs = Object.entries(attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(redact(value))}"`)
    .join('')
  if (VOID_ELEMENTS.has(tag)) return new Html(`<${tag}${attrs}>`)
  return new Html(`<${tag}${attrs}>${children.map(childHtml).join('')}</${tag}>`)
}

/** Children side by side, as one piece of markup. */
export function join(children: readonly Child[], separator: Child = undefined): Html {
  const parts = children.filter((child) => child !== undefined && child !== false && child !== '').map(childHtml)
  return new Html(parts.join(separator === undefined || separator === false ? '' : childHtml(separator)))
}

/** Text as markup, with a longer cap than a cell's (a prompt, a message): still one escaped line. */
export function text(value: string, max = MAX_CELL_CHARS): Html {
  return new Html(cell(value, max))
}

/** A link whose address is an http(s) URL without spaces or quotes; anything else is shown as text, not linked. */
export function link(url: string | undefined, label: Child): Html | undefined {
  if (url === undefined || !/^https?:\/\/[^\s"'<>]+$/.test(url)) return undefined
  return el('a', { href: url }, label)
}

function childHtml(child: Child): string {
  if (child === undefined || child === false) return ''
  return child instanceof Html ? child.html : cell(child)
}

/**
 * Outside text as one summary cell: secrets redacted first (so escaping cannot hide a key from redaction),
 * capped, made one line (control characters visible, so no blank line can end an HTML block), then escaped: HTML,
 * the table's `|`, and the characters Markdown links, images and code need (`[`, `]`, backtick, `\`). With no
 * blank line the summary stays one HTML block, where GitHub renders no Markdown at all; the escapes are a second wall.
 */
export function cell(value: string, max = MAX_CELL_CHARS): string {
  return escapeHtml(makeVisible(capText(redact(value), max)))
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'|[\]`\\]/g, (c) => `&#${c.charCodeAt(0)};`)
}
