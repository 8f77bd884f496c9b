// The proof that this action wrote a cache entry for this request. Anyone who can save an entry in the cache
// scope (any workflow on the default branch, with or without the FoxAPI key) can forge one, and its key and
// version follow from the request: so an entry is believed only when it carries a MAC over what it says,
// keyed from the API key, which such an attacker lacks. Rotating the key makes every older entry a miss.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { canonicalJson } from './cache-key'

/** Tells the MAC key apart from any other use of the API key (and from later versions of this format). */
const PROOF_LABEL = 'foxapi-video-action cache entry proof v1'

/** What an entry says about itself: every field is covered by the proof (key order does not matter). */
export type ProvenFields = Record<string, string | number | boolean | null>

function macKey(apiKey: string): Buffer {
  return createHmac('sha256', apiKey).update(PROOF_LABEL).digest()
}

/** The proof (hex HMAC-SHA256) of `fields` under `apiKey`. */
export function proveEntry(apiKey: string, fields: ProvenFields): string {
  return createHmac('sha256', macKey(apiKey)).update(canonicalJson(fields)).digest('hex')
}

/** Whether `proof` is the proof of `fields` under `apiKey`; compared in constant time. False without a key. */
export function isProvenEntry(apiKey: string, fields: ProvenFields, proof: unknown): boolean {
  if (apiKey === '' || typeof proof !== 'string' || !/^[0-9a-f]{64}$/.test(proof)) return false
  const expected = Buffer.from(proveEntry(apiKey, fields), 'hex')
  return timingSafeEqual(expected, Buffer.from(proof, 'hex'))
}
