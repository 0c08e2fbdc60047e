// Real certificates for TLS tests, made with the openssl binary: self-signed, for a host name and
// 127.0.0.1, valid from now for the given number of days.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface TestCertificate {
  certFile: string;
  keyFile: string;
  pem: string;
}

export function selfSignedCertificate(dir: string, options: { host?: string; days?: number; name?: string } = {}): TestCertificate {
  const { host = 'localhost', days = 90 } = options;
  const name = options.name ?? host;
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', String(days),
      '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host},IP:127.0.0.1`],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile, pem: readFileSync(certFile, 'utf8') };
}
