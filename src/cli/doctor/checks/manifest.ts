// The manifest Microsoft 365 will fetch: rendered for publicUrl with the service's own renderer and
// checked against the add-in manifest XML schemas, which Exchange applies at upload (our offline
// tests once passed a manifest the admin center refused). Then: is that what the service serves?
// A different answer means a stale service (not restarted) or another configuration.
import { promises as fs } from 'node:fs';
import { renderManifest } from '../../../manifest/render';
import { manifestVersion, packageVersion, versionInManifest } from '../../version';
import { fail, ok, OFFLINE, skip, t, UNREACHABLE, warn, type Check, type Finding } from '../check';

/** Schema problems listed; the rest are counted. */
const MAX_LISTED = 5;

export const manifest: Check = {
  id: 'manifest',
  title: t('Add-in manifest', 'アドイン マニフェスト'),
  async run(context) {
    const { config } = context;
    let template: string;
    try {
      template = await fs.readFile(config.manifestFile, 'utf8');
    } catch (error) {
      return [
        fail(
          t(`cannot read the manifest template ${config.manifestFile} (${(error as NodeJS.ErrnoException).code}): /manifest.xml answers 404`, `マニフェスト テンプレート ${config.manifestFile} を読めません (${(error as NodeJS.ErrnoException).code}): /manifest.xml は 404 になります`),
          t('Reinstall the package, or point manifestFile / --manifest at the template.', 'パッケージを入れ直すか、manifestFile / --manifest でテンプレートを指定してください。'),
        ),
      ];
    }
    let xml: string;
    try {
      xml = renderManifest(template, config.publicUrl);
    } catch (error) {
      return [fail(t((error as Error).message, (error as Error).message), t('Set publicUrl to the https address the add-in is served from.', 'publicUrl をアドインを配信する https アドレスにしてください。'))];
    }
    // Loaded here, not at the top: the schema checker brings libxml2 (WebAssembly) that only doctor needs.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkManifestSchema } = require('../../../manifest/schema-check') as typeof import('../../../manifest/schema-check');
    const result = await checkManifestSchema(xml);
    const findings: Finding[] = [];
    if (!result.valid) {
      const listed = result.problems.slice(0, MAX_LISTED).map((problem) => `line ${problem.line ?? '?'}: ${problem.message}`);
      const more = result.problems.length > MAX_LISTED ? ` (+${result.problems.length - MAX_LISTED})` : '';
      findings.push(
        fail(
          t(`the manifest for ${config.publicUrl} fails the manifest XML schemas: ${listed.join('; ')}${more}`, `${config.publicUrl} 用のマニフェストがマニフェスト XML スキーマに違反しています: ${listed.join('; ')}${more}`),
          t(`Exchange refuses it at upload. Correct ${config.manifestFile} (or use the packaged one); check it with lurelens manifest.`, `Exchange はアップロード時に拒否します。${config.manifestFile} を修正する (または同梱のものを使う) か、lurelens manifest で確認してください。`),
        ),
      );
    } else {
      findings.push(ok(t(`rendered for ${config.publicUrl}, passes the manifest XML schemas (Version ${versionInManifest(xml) ?? '?'})`, `${config.publicUrl} 用に生成、マニフェスト XML スキーマに適合 (Version ${versionInManifest(xml) ?? '?'})`)));
    }
    const expected = manifestVersion(packageVersion());
    const written = versionInManifest(template);
    if (written !== expected) {
      findings.push(
        warn(
          t(`the template says Version ${written ?? '(none)'}, this release is ${expected}`, `テンプレートの Version は ${written ?? '(なし)'}、このリリースは ${expected} です`),
          t('Give a custom template the release version: Outlook only picks up manifest changes when the version goes up.', '独自テンプレートにもリリースのバージョンを付けてください。Outlook はバージョンが上がったときだけマニフェストの変更を取り込みます。'),
        ),
      );
    }
    if (!context.network) return [...findings, skip(OFFLINE)];
    const served = await context.fetch(`${config.publicUrl}/manifest.xml`);
    if (served.error) return [...findings, skip(UNREACHABLE)];
    if (served.status !== 200) {
      findings.push(fail(t(`${config.publicUrl}/manifest.xml answers HTTP ${served.status}`, `${config.publicUrl}/manifest.xml は HTTP ${served.status} を返します`), t('Route /manifest.xml to the service and check its manifestFile.', '/manifest.xml をサービスへ転送し、manifestFile を確認してください。')));
    } else if (served.body !== xml) {
      findings.push(
        warn(
          t(`the service serves another manifest (Version ${versionInManifest(served.body ?? '') ?? '?'}) than this configuration renders`, `サービスが配信しているマニフェスト (Version ${versionInManifest(served.body ?? '') ?? '?'}) がこの設定での生成結果と異なります`),
          t('Restart the service after an upgrade or a configuration change, and make sure doctor reads the configuration the service uses.', 'アップグレードや設定変更の後はサービスを再起動し、doctor がサービスと同じ設定を読んでいるか確認してください。'),
        ),
      );
    } else {
      findings.push(ok(t(`${config.publicUrl}/manifest.xml serves exactly this manifest`, `${config.publicUrl}/manifest.xml はこのマニフェストを配信しています`)));
    }
    return findings;
  },
};
