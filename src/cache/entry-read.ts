// What reading an entry of the Actions cache gives: its archive, downloaded (or copied) but not unpacked, or why
// there is none. Types only, shared by the reader of the cache service (./actions-cache.ts) and the reader of
// @github/local-action's cache folder (./local-action-cache.ts).

/** An entry's archive, downloaded but not unpacked: the caller reads it (src/cache/entry-archive.ts) and removes `folder`. */
export interface DownloadedEntry {
  /** The key that matched: the primary key, or the entry a restore key (a prefix) found. */
  matchedKey: string
  archivePath: string
  /** The fresh folder under RUNNER_TEMP that holds the archive. */
  folder: string
  compression: 'gzip' | 'zstd'
}

/**
 * What a read of the cache found: an entry, no entry (of a kind the caller reads), or a failure (the service, the
 * download, a stand-in; `refused`: an entry larger than its kind may hold, not downloaded past its limit).
 */
export type EntryRead = { kind: 'found'; entry: DownloadedEntry } | { kind: 'none' } | { kind: 'failed'; reason: string; refused?: boolean }

/** The most an entry may be downloaded for, and its kind in words (`a pending entry`), by the key that matched. */
export type EntryLimit = (matchedKey: string) => { maxBytes: number; kind: string } | undefined
