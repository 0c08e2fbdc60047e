// The SIEM/SOAR webhook, when one is configured. Doctor does not post a report (that would file a
// fake event in the SIEM): any HTTP answer to a HEAD request shows the endpoint is reachable.
// Unreachable is a warning: the service keeps taking reports and queues deliveries for retry.
import { ok, OFFLINE, skip, t, warn, type Check, type Finding } from '../check';
import { describeFailure } from '../network';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const webhook: Check = {
  id: 'webhook',
  title: t('Webhook (optional)', 'Webhook (任意)'),
  async run(context) {
    const hook = context.config.webhook;
    if (!hook) return [skip(t('not configured', '未設定'))];
    const url = new URL(hook.url);
    const findings: Finding[] = [];
    if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
      findings.push(
        warn(
          t(`${url.origin} is plain http: report metadata (subjects, senders, reporters) crosses the network readable`, `${url.origin} は http です: 報告のメタデータ (件名、送信者、報告者) が平文でネットワークを流れます`),
          t('Use an https webhook URL.', 'https の Webhook URL を使ってください。'),
        ),
      );
    }
    if (!hook.secret) {
      findings.push(
        warn(
          t('no webhook secret: the receiver cannot tell deliveries from this service from forged ones', 'Webhook の secret がありません: 受信側はこのサービスからの配信と偽物を区別できません'),
          t('Set webhook.secret (LURELENS_WEBHOOK_SECRET) and verify X-LureLens-Signature at the receiver.', 'webhook.secret (LURELENS_WEBHOOK_SECRET) を設定し、受信側で X-LureLens-Signature を検証してください。'),
        ),
      );
    }
    if (!context.network) return [...findings, skip(OFFLINE)];
    const answer = await context.fetch(hook.url, 'HEAD');
    const queued = t('Deliveries are queued and retried meanwhile. Check the URL, DNS and the outbound firewall or proxy of this server.', 'その間の配信はキューに入り再試行されます。URL、DNS、このサーバーからの送信方向のファイアウォールやプロキシを確認してください。');
    if (answer.error) return [...findings, warn(describeFailure(url.origin + url.pathname, answer.error), queued)];
    if (answer.tls && !answer.tls.authorized) {
      findings.push(
        warn(
          t(`${url.host}: the service will refuse the webhook's certificate (${answer.tls.authorizationError ?? 'not trusted'})`, `${url.host}: サービスは Webhook の証明書を拒否します (${answer.tls.authorizationError ?? '信頼されていません'})`),
          t("For an internal CA, add Environment=NODE_EXTRA_CA_CERTS=/path/ca.pem to the service's unit.", '組織内 CA の場合は、サービスのユニットに Environment=NODE_EXTRA_CA_CERTS=/path/ca.pem を追加してください。'),
        ),
      );
    } else if (answer.status !== undefined && answer.status >= 500) {
      findings.push(warn(t(`${url.origin}${url.pathname} answers HTTP ${answer.status}`, `${url.origin}${url.pathname} は HTTP ${answer.status} を返します`), queued));
    } else {
      findings.push(ok(t(`${url.origin}${url.pathname} answers (HTTP ${answer.status} to HEAD)`, `${url.origin}${url.pathname} が応答 (HEAD に HTTP ${answer.status})`)));
    }
    return findings;
  },
};
