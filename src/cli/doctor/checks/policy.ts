// The policy the service validates at start and serves to the add-in as /policy.json. Without one
// the add-in runs on built-in lists only: it knows no organisation domain and no protected person,
// so the impersonations that matter most go unseen.
import { ConfigError } from '../../../server/config';
import { loadServicePolicy } from '../../../server/policy';
import { fail, ok, t, warn, type Check, type Finding } from '../check';

export const policy: Check = {
  id: 'policy',
  title: t('Policy', 'ポリシー'),
  async run(context) {
    const { config } = context;
    try {
      context.policy = await loadServicePolicy(config);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      return [
        fail(
          t(error.message, error.message),
          t(
            'Correct the policy file (each error names its place; docs/policy.md describes every field) and run doctor again; the service refuses to start until then.',
            'ポリシー ファイルを修正して (各エラーに場所が示されます。各項目は docs/policy.md)、doctor を再実行してください。修正するまでサービスは起動しません。',
          ),
        ),
      ];
    }
    const source = context.policy.source;
    const findings: Finding[] = [];
    if (!config.policyFile || !source) {
      findings.push(
        warn(
          t('no policy file: the add-in knows no organisation domain and no protected person', 'ポリシー ファイルがありません: アドインは組織のドメインも保護対象者も知りません'),
          t('Write a policy.json (start from policy.example.json, see docs/policy.md) and set policyFile / --policy.', 'policy.json を作成し (policy.example.json を元に。docs/policy.md 参照)、policyFile または --policy で指定してください。'),
        ),
      );
    } else {
      const domains = source.organizationDomains?.length ?? 0;
      const people = source.protectedPeople?.length ?? 0;
      findings.push(
        ok(t(`${config.policyFile}: valid, ${domains} organisation domains, ${people} protected people`, `${config.policyFile}: 有効。組織ドメイン ${domains} 件、保護対象者 ${people} 名`)),
      );
      if (domains === 0) {
        findings.push(
          warn(
            t('the policy lists no organisationDomains: internal senders cannot be told from outsiders', 'ポリシーに organizationDomains がありません: 社内の送信者と外部を区別できません'),
            t('Add your mail domains to organizationDomains.', '自組織のメール ドメインを organizationDomains に追加してください。'),
          ),
        );
      }
    }
    for (const warning of context.policy.warnings) {
      findings.push(warn(t(warning, warning), t('See docs/service.md (Tokens) for where the add-in gets its reporter token.', 'アドインがレポーター トークンを受け取る仕組みは docs/service.md (Tokens) を参照してください。')));
    }
    return findings;
  },
};
