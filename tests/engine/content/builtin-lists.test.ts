// The built-in dictionary and organisation list, as a deployment without policy.json has them:
// credential wording in the languages brand phishing arrives in, and the brands it poses as.
import { analyze } from '../../../src/engine/analyze';
import { credentialLure } from '../../../src/engine/rules/credential-lure';
import { organizationClaimMismatch } from '../../../src/engine/rules/organization-claim-mismatch';
import { isFreemail, hostOfAddress } from '../../../src/engine/rules/sender-context';
import { resolvePolicy } from '../../../src/policy';
import { from, htmlLink, mail, runRule } from './message';

const policy = resolvePolicy({ organizationDomains: ['example-institute.jp'] });
const phrases = (hit: ReturnType<typeof runRule>) => (hit?.evidence ?? []).map((item) => (item.kind === 'phrase' ? item.phrase : ''));

describe('built-in credential wording beyond English', () => {
  test.each([
    ['Spanish', 'Bloqueo de su cuenta', 'Su cuenta est&aacute; restringida. Verifique su cuenta hoy.', 'su cuenta está restringida'],
    ['Portuguese', 'Aviso', 'Sua conta bloqueada: confirme seus dados.', 'conta bloqueada'],
    ['French', 'Compte Microsoft', 'Activités de connexion inhabituelles. Sécuriser votre compte.', 'activités de connexion inhabituelles'],
    ['German', 'Dringend', 'Ihr Konto wurde gesperrt. Bitte Daten aktualisieren.', 'Konto wurde gesperrt'],
    ['Greek', 'Έλεγχος ασφαλείας', 'Επιβεβαιώστε τα στοιχεία του λογαριασμού σας.', 'επιβεβαιώστε τα στοιχεία'],
    ['Japanese', '【重要】アカウント情報の更新', 'カード情報の更新が確認できません。ログインはこちら', 'アカウント情報の更新'],
    ['Korean', '[알림] 로그인 세부 정보', '계정 확인이 필요합니다. 비밀번호를 설정하시려면 방문하세요.', '계정 확인'],
  ])('%s', (_language, subject, text, expected) => {
    expect(phrases(runRule(credentialLure, mail({ subject, text }), policy))).toContain(expected);
  });

  test('the wording alone, from an ordinary sender with no other problem, stays clean', () => {
    const newsletter = mail({ ...from('news@bank-news.example'), subject: 'Cómo evitar una cuenta bloqueada', text: 'Consejos: nunca verifique su cuenta desde un enlace. アカウント情報の更新はアプリから。' });
    expect(analyze(newsletter, policy).verdict).toBe('clean');
  });
});

describe('built-in brands', () => {
  test.each([
    ['Correios', 'Correios <pedidos@rastreio-example.com>', 'Seu pedido foi taxado'],
    ['Coincheck', 'Coincheck,Inc. <work@ljiil-example.com>', '【コインチェック株式会社】アカウント使用停止のお知らせ'],
    ['SAISON', 'SAISON <no-reply@qad-example.com>', '【SAISON】入金のご連絡'],
    ['Pfizer', 'Pfizer Procurement Manager <pfizer-supplies@outlook.com>', 'Request for quote'],
  ])('claiming %s from an unrelated address is reported', (_brand, sender, subject) => {
    const [, name, address] = /^(.*) <(.*)>$/.exec(sender)!;
    expect(runRule(organizationClaimMismatch, mail({ ...from(address, name), subject }), policy)).toBeDefined();
  });

  test('the brands themselves are not', () => {
    expect(runRule(organizationClaimMismatch, mail({ ...from('noreply@correios.com.br', 'Correios'), subject: 'Rastreamento' }), policy)).toBeUndefined();
    expect(runRule(organizationClaimMismatch, mail({ ...from('info@coincheck.com', 'コインチェック'), subject: '【コインチェック】お知らせ' }), policy)).toBeUndefined();
  });

  test('a brand claim from an unrelated sender plus a link elsewhere is flagged', () => {
    const message = mail({ ...from('no-reply@qad-example.com', 'SAISON'), subject: '【SAISON】入金のご連絡', links: [htmlLink('https://weiqi-example.com/', '資金の詳細')] });
    expect(analyze(message, policy).verdict).not.toBe('clean');
  });

  test('Firebase project addresses and ISP subdomains count as free mail', () => {
    expect(isFreemail(hostOfAddress('noreply@mh-8-b886e.firebaseapp.com'), policy)).toBe(true);
    expect(isFreemail(hostOfAddress('someone@netvigator.com'), policy)).toBe(true);
    expect(isFreemail(hostOfAddress('someone@firebase.google.com'), policy)).toBe(false);
  });
});
