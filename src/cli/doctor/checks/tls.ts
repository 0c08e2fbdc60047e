// Certificates: the one the service serves itself (tls.certFile/keyFile) and the one clients see at
// the public URL (usually the reverse proxy's). Expired, not yet valid, for another host name, or not
// trusted: Outlook then shows nothing at all, so these are failures.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { isIP } from 'node:net';
import { fail, ok, OFFLINE, skip, t, UNREACHABLE, warn, type Check, type Finding } from '../check';
import { hostOf } from '../network';
import type { LocalizedText } from '../../../engine/model';

/** ACME clients (certbot and others) renew 30 days ahead: fewer days left means renewal is failing. */
export const RENEWAL_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Validity of one certificate at `now`, described as `where` (a file or a URL). */
export function certificateDates(cert: X509Certificate, now: Date, where: string): Finding {
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  const days = Math.floor((to.getTime() - now.getTime()) / DAY_MS);
  const renew = t(
    `Renew the certificate (certbot renew, or your CA) and reload whatever serves it.`,
    `証明書を更新し (certbot renew または認証局)、配信しているサーバーを再読み込みしてください。`,
  );
  if (now < from) {
    return fail(t(`${where}: certificate not valid before ${day(from)}`, `${where}: 証明書は ${day(from)} より前は無効です`), t('Check this machine\'s clock, or reissue the certificate.', 'このマシンの時刻を確認するか、証明書を再発行してください。'));
  }
  if (now > to) return fail(t(`${where}: certificate expired on ${day(to)}`, `${where}: 証明書は ${day(to)} に期限切れです`), renew);
  if (days < RENEWAL_WARNING_DAYS) return warn(t(`${where}: certificate expires in ${days} days (${day(to)})`, `${where}: 証明書の期限まで残り ${days} 日 (${day(to)})`), renew);
  return ok(t(`${where}: certificate valid until ${day(to)} (${days} days)`, `${where}: 証明書は ${day(to)} まで有効 (残り ${days} 日)`));
}

/** A finding when the certificate does not name the host: `status` fail where clients connect, warn for the service's own file (a proxy may sit in front). */
function hostFinding(cert: X509Certificate, host: string, where: string, status: 'warn' | 'fail'): Finding | undefined {
  const matches = isIP(host) ? cert.checkIP(host) !== undefined : cert.checkHost(host) !== undefined;
  if (matches) return undefined;
  return (status === 'fail' ? fail : warn)(
    t(`${where}: the certificate is not for ${host} (${cert.subjectAltName ?? cert.subject})`, `${where}: 証明書が ${host} 用ではありません (${cert.subjectAltName ?? cert.subject})`),
    t(`Use a certificate whose names include ${host}.`, `${host} を名前に含む証明書を使ってください。`),
  );
}

async function fileFindings(certFile: string, keyFile: string, host: string, now: Date): Promise<Finding[]> {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(await fs.readFile(certFile));
  } catch (error) {
    return [fail(t(`cannot read the certificate ${certFile}: ${(error as Error).message}`, `証明書 ${certFile} を読めません: ${(error as Error).message}`), t('Point tls.certFile at a PEM certificate readable by the service user.', 'tls.certFile をサービスのユーザーが読める PEM 証明書にしてください。'))];
  }
  const findings = [certificateDates(cert, now, certFile)];
  try {
    if (!cert.checkPrivateKey(createPrivateKey(await fs.readFile(keyFile)))) {
      findings.push(fail(t(`${keyFile} is not the key of ${certFile}`, `${keyFile} は ${certFile} の秘密鍵ではありません`), t('Configure the key that belongs to the certificate.', '証明書に対応する秘密鍵を設定してください。')));
    }
  } catch (error) {
    findings.push(fail(t(`cannot read the key ${keyFile}: ${(error as Error).message}`, `秘密鍵 ${keyFile} を読めません: ${(error as Error).message}`), t('Point tls.keyFile at a PEM key readable by the service user only.', 'tls.keyFile をサービスのユーザーだけが読める PEM 秘密鍵にしてください。')));
  }
  const named = hostFinding(cert, host, certFile, 'warn');
  if (named) findings.push(named);
  return findings;
}

const UNTRUSTED_FIX: LocalizedText = t(
  'Use a certificate from a CA every Outlook client trusts (a public CA, or your organisation\'s CA deployed to all clients). For an internal CA, run doctor with --ca CA.pem.',
  'すべての Outlook クライアントが信頼する認証局 (公的 CA、または全端末に配布済みの組織の CA) の証明書を使ってください。組織内 CA の場合は doctor に --ca CA.pem を付けて実行してください。',
);

/** OpenSSL's verification codes, for an administrator. */
const TRUST_REASONS: Record<string, LocalizedText> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: t('it is self-signed', '自己署名証明書です'),
  SELF_SIGNED_CERT_IN_CHAIN: t('it was issued by a CA this machine does not know', 'このマシンが知らない認証局が発行しています'),
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: t('its issuer is unknown here, or the server does not send the intermediate certificates (serve fullchain.pem)', '発行者が不明、または中間証明書が送られていません (fullchain.pem を設定)'),
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: t('the server does not send the intermediate certificates (serve fullchain.pem)', '中間証明書が送られていません (fullchain.pem を設定)'),
};
const SEPARATE_FINDINGS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID']);

export const tlsCertificates: Check = {
  id: 'tls',
  title: t('TLS certificates', 'TLS 証明書'),
  async run(context) {
    const { config } = context;
    const base = new URL(config.publicUrl);
    const findings: Finding[] = [];
    if (config.tls) findings.push(...(await fileFindings(config.tls.certFile, config.tls.keyFile, hostOf(config.publicUrl), context.now)));
    if (base.protocol !== 'https:') {
      if (findings.length === 0) findings.push(skip(t('no TLS here: the public URL is http', 'TLS なし: 公開 URL が http です')));
      return findings;
    }
    if (!context.network) return [...findings, skip(OFFLINE)];
    const answer = await context.fetch(`${config.publicUrl}/healthz`);
    const certificate = answer.tls?.certificate;
    if (!answer.tls || !certificate) return [...findings, skip(UNREACHABLE)];
    const where = base.host;
    const reason = answer.tls.authorizationError;
    // Dates and host names have findings of their own below; here only the chain of trust.
    if (!answer.tls.authorized && !SEPARATE_FINDINGS.has(reason ?? '')) {
      const why = TRUST_REASONS[reason ?? ''] ?? t(reason ?? 'unknown reason', reason ?? '理由不明');
      findings.push(fail(t(`${where}: this machine does not trust the certificate: ${why.en} (${reason})`, `${where}: このマシンは証明書を信頼していません: ${why.ja} (${reason})`), UNTRUSTED_FIX));
    }
    findings.push(certificateDates(certificate, context.now, where));
    const named = hostFinding(certificate, hostOf(config.publicUrl), where, 'fail');
    if (named) findings.push(named);
    return findings;
  },
};
