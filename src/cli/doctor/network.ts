// One HTTP(S) request for the doctor's network checks, with what an administrator needs from it:
// the answer (status, a bounded body), and for https whether this machine trusts the certificate and
// the certificate itself. Built on node:http(s) rather than fetch, so the TLS details and an extra CA
// (an organisation's own) are available. Redirects are reported, never followed.
import http from 'node:http';
import https from 'node:https';
import { rootCertificates, type TLSSocket } from 'node:tls';
import type { X509Certificate } from 'node:crypto';
import type { LocalizedText } from '../../engine/model';
import { t } from './check';

/** Bodies are read up to this size: manifests and JSON files are far smaller. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface ProbeResult {
  status?: number;
  headers?: http.IncomingHttpHeaders;
  body?: string;
  /** Why no answer came (code from Node or OpenSSL, e.g. ECONNREFUSED, DEPTH_ZERO_SELF_SIGNED_CERT). */
  error?: { code: string; message: string };
  tls?: { authorized: boolean; authorizationError?: string; certificate?: X509Certificate };
}

export interface ProbeOptions {
  timeoutMs: number;
  ca: readonly string[];
  method?: 'GET' | 'HEAD';
}

export function probe(url: string, options: ProbeOptions): Promise<ProbeResult> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: ProbeResult) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    const request = (secure ? https : http).request(
      target,
      {
        method: options.method ?? 'GET',
        timeout: options.timeoutMs,
        headers: { 'user-agent': 'lurelens-doctor', accept: '*/*' },
        agent: false,
        // Trust is judged below from socket.authorized, so an untrusted certificate can still be described.
        ...(secure ? { rejectUnauthorized: false, ...(options.ca.length ? { ca: [...rootCertificates, ...options.ca] } : {}) } : {}),
      },
      (response) => {
        const socket = response.socket as TLSSocket;
        const tls = secure
          ? { authorized: socket.authorized, ...(socket.authorizationError ? { authorizationError: String((socket.authorizationError as Error).message ?? socket.authorizationError) } : {}), certificate: socket.getPeerX509Certificate() }
          : undefined;
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY_BYTES) chunks.push(chunk);
          else response.destroy();
        });
        const finish = () => done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks).toString('utf8'), ...(tls ? { tls } : {}) });
        response.on('end', finish);
        response.on('close', finish);
      },
    );
    request.on('timeout', () => request.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    request.on('error', (error: NodeJS.ErrnoException) => done({ error: { code: error.code ?? 'ERROR', message: error.message } }));
    request.end();
  });
}

/** Why a request got no answer, for an administrator. */
export function describeFailure(url: string, error: NonNullable<ProbeResult['error']>): LocalizedText {
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return t(`${url}: the name ${new URL(url).hostname} does not resolve (DNS)`, `${url}: ${new URL(url).hostname} の名前解決 (DNS) ができません`);
    case 'ECONNREFUSED':
      return t(`${url}: connection refused (nothing listens there)`, `${url}: 接続が拒否されました (待ち受けているものがありません)`);
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return t(`${url}: no answer (${error.code}; a firewall or routing problem?)`, `${url}: 応答がありません (${error.code}。ファイアウォールや経路の問題の可能性)`);
    default:
      return t(`${url}: ${error.message} (${error.code})`, `${url}: ${error.message} (${error.code})`);
  }
}

/** The host the request went to, for the TLS check's host name match. */
export function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, '');
}
