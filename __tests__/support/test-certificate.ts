// A throw-away self-signed TLS certificate for public-looking test names (`api.foxapi.test`), made with the
// openssl command line in the test's temp folder. The action trusts it through NODE_EXTRA_CA_CERTS, so a
// local https server can stand in for a public API host behind a proxy without any address but 127.0.0.1.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
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
  const configPath = path.join(folder, 'req.cnf')
  // A config file rather than -addext or EC options: OpenSSL 1.1, 3 and macOS's LibreSSL all read it.
  writeFileSync(
    configPath,
    [
      '[req]',
      'prompt = no',
      'distinguished_name = dn',
      'x509_extensions = ext',
      '[dn]',
      `CN = ${names[0]}`,
      '[ext]',
      'basicConstraints = critical, CA:TRUE',
      'keyUsage = critical, digitalSignature, keyCertSign',
      'extendedKeyUsage = serverAuth',
      `subjectAltName = ${names.map((name) => `DNS:${name}`).join(', ')}`,
      '',
    ].join('\n'),
  )
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-config', configPath, '-keyout', keyPath, '-out', certPath],
    {
      stdio: 'ignore',
    },
  )
  return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath }
}
