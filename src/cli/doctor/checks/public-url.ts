// The address people and Outlook use: https (Outlook loads add-ins over https only), and answering
// as this service from where doctor runs. A different version answering means the service was not
// restarted after an upgrade; a redirect means publicUrl is not the address clients end up at.
import { packageVersion } from '../../version';
import { fail, ok, OFFLINE, skip, t, warn, type Check, type Finding } from '../check';
import { describeFailure } from '../network';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const START_OR_ROUTE = t(
  'Start the service (systemctl start lurelens) and check DNS, the reverse proxy and firewalls between the clients and this address.',
  'サービスを起動し (systemctl start lurelens)、DNS、リバース プロキシ、クライアントとの間のファイアウォールを確認してください。',
);

export const publicUrl: Check = {
  id: 'public-url',
  title: t('Public URL', '公開 URL'),
  async run(context) {
    const base = context.config.publicUrl;
    const url = new URL(base);
    const findings: Finding[] = [];
    if (url.protocol === 'https:') findings.push(ok(t(`${base} is https`, `${base} は https です`)));
    else if (LOCAL_HOSTS.has(url.hostname)) {
      findings.push(
        warn(
          t(`${base} is plain http: enough for a trial on this machine, not for Outlook elsewhere`, `${base} は http です: このマシンでの試用には足りますが、他の端末の Outlook では使えません`),
          t('For real use set publicUrl to the https address behind your TLS reverse proxy (docs/service.md).', '本番では publicUrl を TLS リバース プロキシの https アドレスにしてください (docs/service.md)。'),
        ),
      );
    } else {
      findings.push(
        fail(
          t(`${base} is not https: Outlook loads add-ins over https only`, `${base} は https ではありません: Outlook は https のアドインしか読み込みません`),
          t('Put the service behind a TLS reverse proxy and set publicUrl to its https address (docs/service.md).', 'TLS リバース プロキシの背後に置き、publicUrl をその https アドレスにしてください (docs/service.md)。'),
        ),
      );
    }
    if (!context.network) return [...findings, skip(OFFLINE)];

    const health = `${base}/healthz`;
    const answer = await context.fetch(health);
    if (answer.error) return [...findings, fail(describeFailure(health, answer.error), START_OR_ROUTE)];
    if (answer.status !== undefined && answer.status >= 300 && answer.status < 400) {
      const location = String(answer.headers?.location ?? '');
      return [
        ...findings,
        fail(
          t(`${health} redirects (HTTP ${answer.status}) to ${location}`, `${health} は ${location} へ転送されます (HTTP ${answer.status})`),
          t('Set publicUrl to the address clients end up at, exactly (scheme, host, port, path).', 'publicUrl をクライアントが最終的に到達するアドレス (スキーム、ホスト、ポート、パス) に正確に合わせてください。'),
        ),
      ];
    }
    let running: { status?: string; version?: string } | undefined;
    try {
      running = JSON.parse(answer.body ?? '') as typeof running;
    } catch {
      running = undefined;
    }
    if (answer.status !== 200 || running?.status !== 'ok') {
      return [
        ...findings,
        fail(
          t(`${health} answers HTTP ${answer.status}, not as the Lure Lens service`, `${health} は HTTP ${answer.status} を返し、Lure Lens サービスとして応答しません`),
          t('Route publicUrl (and every path under it) to the service in the reverse proxy.', 'リバース プロキシで publicUrl (その下のすべてのパス) をサービスへ転送してください。'),
        ),
      ];
    }
    const installed = packageVersion();
    if (running.version && running.version !== installed) {
      findings.push(
        warn(
          t(`the service answering is Lure Lens ${running.version}, this installation is ${installed}`, `応答しているサービスは Lure Lens ${running.version}、インストール済みは ${installed} です`),
          t('Restart the service after an upgrade: systemctl restart lurelens.', 'アップグレード後はサービスを再起動してください: systemctl restart lurelens'),
        ),
      );
    } else {
      findings.push(ok(t(`${health} answers: Lure Lens ${running.version ?? '?'}`, `${health} が応答: Lure Lens ${running.version ?? '?'}`)));
    }
    return findings;
  },
};
