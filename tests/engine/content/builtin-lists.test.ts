// The built-in dictionary and organisation list, as a deployment without policy.json has them:
// credential wording in the languages brand phishing arrives in, and the brands it poses as.
import { analyze } from '../../../src/engine/analyze';
import { credentialLure } from '../../../src/engine/rules/credential-lure';
import { organizationClaimMismatch } from '../../../src/engine/rules/organization-claim-mismatch';
import { shortenedLink } from '../../../src/engine/rules/shortened-link';
import { isFreemail, hostOfAddress } from '../../../src/engine/sender/identity';
import { resolvePolicy } from '../../../src/policy';
import { from, htmlLink, mail, runRule, textLink } from './message';

const policy = resolvePolicy({ organizationDomains: ['example-institute.jp'] });
const phrases = (hit: ReturnType<typeof runRule>) => (hit?.evidence ?? []).map((item) => (item.kind === 'phrase' ? item.phrase : ''));

describe('built-in credential wording, found by intent in the languages brand phishing arrives in', () => {
  test.each([
    ['English', 'Action needed', 'We have temporarily suspended access to your account until you respond.', 'suspended … account'],
    ['Spanish', 'Aviso de seguridad', 'Su cuenta est&aacute; restringida. Verifique hoy.', 'cuenta … restringida'],
    ['Portuguese', 'Aviso', 'Sua conta bloqueada: confirme seus dados.', 'conta … bloqueada'],
    ['French', 'Compte Microsoft', 'Votre compte a été suspendu après des activités inhabituelles.', 'compte … suspendu'],
    ['German', 'Dringend', 'Ihr Konto wurde gesperrt.', 'konto … gesperrt'],
    ['Japanese', '【重要】ご利用確認', 'お客様のアカウントは一時的に利用を停止しております。', 'アカウント … 停止'],
    ['Chinese', '安全通知', '您的邮箱账户已被冻结，请立即验证。', '账户 … 冻结'],
    ['Korean', '[알림] 보안', '회원님의 계정이 일시 정지되었습니다.', '계정 … 정지'],
    ['English, a blocked wallet', 'Important', 'Your wallet has been blocked after a failed security check.', 'wallet … blocked'],
    ['English, billing details', 'Billing', 'We need to confirm your billing details before the next renewal.', 'confirm … billing details'],
    ['Portuguese, unblock', 'Aviso', 'Desbloqueie sua conta hoje mesmo.', 'desbloqueie … conta'],
    ['Spanish, blocked', 'Bloqueo de su cuenta', '', 'bloqueo … cuenta'],
    ['German, restricted', 'Hinweis', 'Ihr Konto wurde eingeschränkt.', 'konto … eingeschränkt'],
  ])('%s', (_language, subject, text, expected) => {
    expect(phrases(runRule(credentialLure, mail({ subject, text }), policy))).toContain(expected);
  });

  test.each([
    ['a parcel that could not be delivered', 'Your parcel could not be delivered: confirm your address and pay the customs fee.', 'parcel … could not be delivered'],
    ['不在票', 'お荷物をお届けにあがりましたが、ご不在のため持ち戻りました。', 'お荷物 … ご不在'],
    ['派送失败', '您的包裹派送失败，地址有误。', '包裹 … 派送失败'],
    ['배송 보류', '고객님의 택배 배송이 보류되었습니다.', '택배 … 보류'],
    ['changed bank details', 'Please note our bank account has changed; pay the overdue invoice to the new one.', 'bank account … changed'],
    ['振込先の変更', '弊社の振込先口座が変更になりました。', '口座 … 変更'],
  ])('delivery and payment lures: %s', (_case, text, expected) => {
    expect(phrases(runRule(credentialLure, mail({ subject: 'Notice', text }), policy))).toContain(expected);
  });

  test.each([
    ['an account word far from any threat', `Your account manager will visit on Monday. ${'We look forward to the meeting. '.repeat(4)}The old server was suspended last year.`],
    ['a threat word with nothing owned', 'The match was suspended because of rain.'],
    ['a bounce: the message itself could not be delivered', 'Delivery to the following recipient failed permanently: the mailbox is full.'],
  ])('stays quiet for %s', (_case, text) => {
    expect(runRule(credentialLure, mail({ subject: 'Hello', text }), policy)).toBeUndefined();
  });

  test('the wording alone, from an ordinary sender with no other problem, stays clean', () => {
    const newsletter = mail({ ...from('news@bank-news.example'), subject: 'Cómo evitar una cuenta bloqueada', text: 'Consejos: nunca verifique su cuenta desde un enlace. アカウント情報の更新はアプリから。' });
    expect(analyze(newsletter, policy).verdict).toBe('clean');
  });
});

describe('official-penalty intent: a fine, summons or tax debt to settle at once', () => {
  test.each([
    ['English, a toll', 'E-ZPass notice', 'You have an unpaid toll balance. Pay now to avoid a late fee.', 'unpaid … toll balance'],
    ['English, a summons', 'Legal notice', 'You are hereby served with a summons; failure to respond may result in a default judgment.', 'summons … failure to respond'],
    ['Japanese', '【重要】反則金のお知らせ', '交通違反の反則金が未納です。本日中に納付してください。', '反則金 … 未納'],
    ['Chinese', '交通违章通知', '您的交通违章罚款已逾期，请立即缴纳。', '罚款 … 逾期'],
    ['Korean', '과태료 안내', '미납 과태료가 있습니다. 기한 내 납부하세요.', '미납 … 과태료'],
    ['Portuguese', 'Aviso', 'Multa de trânsito pendente: regularize agora e evite a suspensão da CNH.', 'multa … regularize'],
    ['Spanish', 'DGT', 'Tiene una multa pendiente: debe pagar en 48 horas.', 'multa … pagar'],
    ['French', 'ANTAI', 'Votre amende sera majorée si vous ne réglez pas.', 'amende … majorée'],
    ['German', 'Bußgeldbescheid', 'Bitte begleichen Sie das Bußgeld innerhalb von 7 Tagen.', 'begleichen … bußgeld'],
  ])('%s', (_language, subject, text, expected) => {
    expect(phrases(runRule(credentialLure, mail({ subject, text }), policy))).toContain(expected);
  });

  test.each([
    ['a court report in the news', 'The court heard the lawsuit on Monday. Shares closed higher and the company expects to pay a dividend in March.'],
    ['a fine with nothing to settle', 'The city council discussed traffic fines at length last night.'],
    ['a bank\'s security tips', 'Dicas de segurança: nunca informe seu CPF por e-mail e evite golpes.'],
  ])('stays quiet for %s', (_case, text) => {
    expect(runRule(credentialLure, mail({ subject: 'News', text }), policy)).toBeUndefined();
  });

  test('a real reminder from an ordinary sender with no other problem is read as a penalty demand and still stays clean', () => {
    const reminder = mail({ ...from('noreply@city-parking.example'), subject: 'Parking fine reminder', text: 'Your traffic fine of ¥9,000 is unpaid. Pay at any convenience store by 30 June.' });
    // The intent is seen (and explained in the pane) ...
    expect(phrases(runRule(credentialLure, reminder, policy)).some((phrase) => /fine/.test(phrase))).toBe(true);
    // ... but wording alone never flags a message.
    expect(analyze(reminder, policy).verdict).toBe('clean');
  });
});

describe('built-in brands', () => {
  test.each([
    ['Correios', 'Correios <pedidos@rastreio-example.com>', 'Seu pedido foi taxado'],
    ['Coincheck', 'Coincheck,Inc. <work@ljiil-example.com>', '【コインチェック株式会社】アカウント使用停止のお知らせ'],
    ['SAISON', 'SAISON <no-reply@qad-example.com>', '【SAISON】入金のご連絡'],
    ['DHL', 'DHL Express <tracking@parcel-update-example.com>', 'Your shipment is on hold'],
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

describe('built-in URL shorteners', () => {
  test.each(['https://bit.ly/3xYz', 'https://share.google/AbCdEf123456', 'https://amzn.to/4aBcDe'])('%s is a shortened link', (href) => {
    expect(runRule(shortenedLink, mail({ ...from('someone@outside-example.com'), links: [textLink(href)] }), policy)).toBeDefined();
  });

  test('a page of Google\'s own site is not', () => {
    expect(runRule(shortenedLink, mail({ ...from('someone@outside-example.com'), links: [textLink('https://www.google.com/maps/place/x')] }), policy)).toBeUndefined();
  });
});
