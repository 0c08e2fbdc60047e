// The shared tokens: strong, in one place, and not readable by other users. The reporter token's one
// source is the service's token list (config `tokens`, or DATA/tokens.json generated at first
// start); the service hands it to the add-in in /policy.json, so the policy file should not repeat it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LOCAL_TOKENS_FILE, type TokenConfig } from '../../../server/config';
import { ok, t, warn, fail, type Check, type Finding } from '../check';

/** Below this a token could be found by search (2^64 guesses are within reach of a determined attacker). */
const MIN_BITS = 64;
/** What `openssl rand -base64 24` and the generated tokens comfortably exceed. */
const GOOD_BITS = 128;
/** Words people type when they make a token up instead of generating it. */
const HAND_MADE = /password|passwd|secret|changeme|token|example|test|admin|analyst|reporter|lurelens|qwerty|12345|…|\.\.\./i;

/** An upper bound of a token's entropy: its length times log2 of the alphabets it draws from. */
export function tokenBits(token: string): number {
  let pool = 0;
  if (/[a-z]/.test(token)) pool += 26;
  if (/[A-Z]/.test(token)) pool += 26;
  if (/[0-9]/.test(token)) pool += 10;
  if (/[^A-Za-z0-9]/.test(token)) pool += 32;
  const distinct = new Set(token).size;
  // A token of few distinct characters or a repeated pattern has far less entropy than its length says.
  const effectiveLength = /^(.+?)\1+$/s.test(token) ? /^(.+?)\1+$/s.exec(token)![1].length : token.length;
  return Math.min(effectiveLength * Math.log2(Math.max(pool, 2)), distinct < 8 ? distinct * 4 : Infinity);
}

export function judgeToken(token: string): 'weak' | 'short' | 'hand-made' | 'strong' {
  const bits = tokenBits(token);
  if (bits < MIN_BITS) return 'weak';
  if (HAND_MADE.test(token)) return 'hand-made';
  if (bits < GOOD_BITS) return 'short';
  return 'strong';
}

const GENERATE = t('Generate one with: openssl rand -base64 36', '生成例: openssl rand -base64 36');

/** World-readable only: 640 root:lurelens is the usual way to let the service's group read the configuration. */
async function readable(file: string): Promise<Finding | undefined> {
  const mode = (await fs.stat(file)).mode;
  if ((mode & 0o007) === 0) return undefined;
  return warn(
    t(`${file} holds tokens and other users may read it (mode ${(mode & 0o777).toString(8)})`, `${file} はトークンを含み、他のユーザーが読めます (モード ${(mode & 0o777).toString(8)})`),
    t(`chmod o-rwx ${file} (600, or 640 with the service's group: chown root:lurelens).`, `chmod o-rwx ${file} を実行してください (600、またはサービスのグループで 640: chown root:lurelens)。`),
  );
}

async function localTokens(dataDir: string): Promise<{ file: string; tokens?: TokenConfig[] }> {
  const file = path.join(dataDir, LOCAL_TOKENS_FILE);
  try {
    return { file, tokens: JSON.parse(await fs.readFile(file, 'utf8')) as TokenConfig[] };
  } catch {
    return { file };
  }
}

export const tokens: Check = {
  id: 'tokens',
  title: t('Tokens', 'トークン'),
  async run(context) {
    const { config } = context;
    const findings: Finding[] = [];
    let list = config.tokens;
    if (list.length > 0) {
      findings.push(ok(t(`${list.length} token(s) configured`, `トークン ${list.length} 個を設定済み`)));
      if (context.configFile && list.length > 0) {
        const exposed = await readable(context.configFile);
        if (exposed) findings.push(exposed);
      }
    } else {
      const local = await localTokens(config.dataDir);
      if (!local.tokens) {
        return [ok(t(`no tokens configured: the service generates them at first start in ${local.file}`, `トークン未設定: 初回起動時にサービスが ${local.file} に生成します`))];
      }
      list = local.tokens;
      findings.push(ok(t(`using the tokens generated in ${local.file}`, `${local.file} に生成されたトークンを使用`)));
      const exposed = await readable(local.file);
      if (exposed) findings.push(exposed);
    }

    list.forEach((entry, index) => {
      const label = `${entry.role} #${index + 1}${entry.name ? ` (${entry.name})` : ''}`;
      const verdict = judgeToken(entry.token);
      if (verdict === 'weak') {
        findings.push(fail(t(`${label}: too easy to guess (short, few different characters or a repeated pattern)`, `${label}: 推測されやすい (短い、文字の種類が少ない、または繰り返し)`), GENERATE));
      } else if (verdict === 'hand-made') {
        findings.push(warn(t(`${label}: looks typed by hand (contains a common word)`, `${label}: 手で作ったように見えます (よくある単語を含む)`), GENERATE));
      } else if (verdict === 'short') {
        findings.push(warn(t(`${label}: shorter than a generated token should be (under ${GOOD_BITS} bits)`, `${label}: 生成トークンとしては短い (${GOOD_BITS} ビット未満)`), GENERATE));
      }
    });

    const reporterTokens = new Set(list.filter((entry) => entry.role === 'reporter').map((entry) => entry.token));
    if (!list.some((entry) => entry.role === 'analyst')) {
      findings.push(warn(t('no analyst token: nobody can sign in to the triage console', 'アナリスト トークンがありません: トリアージ コンソールに誰もサインインできません'), t('Add a token with role "analyst".', 'role が "analyst" のトークンを追加してください。')));
    }
    const policyToken = context.policy?.source?.reporting?.endpointToken;
    if (reporterTokens.size === 0 && !policyToken) {
      findings.push(
        warn(
          t('no reporter token: the add-in has none to send reports to this service with', 'レポーター トークンがありません: アドインがこのサービスへ報告を送れません'),
          t('Add a token with role "reporter"; the service gives it to the add-in in /policy.json.', 'role が "reporter" のトークンを追加してください。サービスが /policy.json でアドインに渡します。'),
        ),
      );
    }
    if (policyToken && reporterTokens.has(policyToken)) {
      findings.push(
        warn(
          t("the policy repeats a reporter token in reporting.endpointToken: a second place to change when it is rotated", 'ポリシーの reporting.endpointToken にレポーター トークンが重複しています: 変更時に 2 か所の修正が必要です'),
          t('Remove reporting.endpointToken from the policy file: the service fills it in from its own reporter token.', 'ポリシー ファイルから reporting.endpointToken を削除してください。サービスが自身のレポーター トークンを入れます。'),
        ),
      );
    }
    return findings;
  },
};
