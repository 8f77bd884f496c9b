// A throw-away self-signed TLS certificate for public-looking test names (`api.foxapi.test`), made with the
// openssl command line in the test's temp folder. The action trusts it through NODE_EXTRA_CA_CERTS, so a
// local https server can stand in for a public API host behind a proxy without any address but 127.0.0.1.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface TestCertificate {
  key: string
  cert: string
  /** The certificate's file, for NODE_EXTRA_CA_CERTS. */
  certPath: string
}

export function makeTestCertificate(names: string[]): TestCertificate {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'foxapi-tls-'))
  const keyPath = path.join(folder, 'key.pem')
  const certPath = path.join(folder, 'cert.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-subj',
      `/CN=${names[0]}`,
      '-addext',
      `subjectAltName=${names.map((name) => `DNS:${name}`).join(',')}`,
    ],
    { stdio: 'ignore' },
  )
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath }
}
