// /.well-known/microsoft-officeaddins-allowed.json at the root of the public URL's origin: without
// it classic Outlook's JavaScript-only runtime lets the Report button neither reach the service nor
// get tokens (docs/deploy.md section 2). Under a path prefix the reverse proxy must route this one
// origin-root path to the service too.
import { allowedAddinScripts, wellKnownAllowedUrl } from '../../../manifest/well-known';
import { fail, ok, OFFLINE, skip, t, UNREACHABLE, warn, type Check } from '../check';

export const wellKnown: Check = {
  id: 'well-known',
  title: t('Well-known file for classic Outlook', 'クラシック Outlook 用 well-known ファイル'),
  async run(context) {
    if (!context.network) return [skip(OFFLINE)];
    const base = context.config.publicUrl;
    const url = wellKnownAllowedUrl(base);
    const [script] = allowedAddinScripts(base).allowed;
    const answer = await context.fetch(url);
    if (answer.error) return [skip(UNREACHABLE)];
    const routeIt = t(
      `Serve ${url} from the service (route that path at the origin root to it in the reverse proxy), listing ${script}.`,
      `${url} をサービスから配信してください (リバース プロキシでオリジン直下のこのパスをサービスへ転送)。内容には ${script} を含めます。`,
    );
    if (answer.status !== 200) return [fail(t(`${url} answers HTTP ${answer.status}: the Report button cannot reach the service from classic Outlook`, `${url} は HTTP ${answer.status} を返します: クラシック Outlook の「報告」ボタンがサービスに届きません`), routeIt)];
    let allowed: unknown;
    try {
      allowed = (JSON.parse(answer.body ?? '') as { allowed?: unknown }).allowed;
    } catch {
      allowed = undefined;
    }
    if (!Array.isArray(allowed) || !allowed.includes(script)) {
      return [fail(t(`${url} does not list ${script}`, `${url} に ${script} が含まれていません`), routeIt)];
    }
    const type = String(answer.headers?.['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type)) {
      return [warn(t(`${url} lists the script but is served as "${type}", not application/json`, `${url} にスクリプトはありますが、application/json ではなく "${type}" で配信されています`), routeIt)];
    }
    return [ok(t(`${url} lists ${script}`, `${url} に ${script} が含まれています`))];
  },
};
