import { analyze } from '../../../src/engine/analyze';
import { mirrorfacePattern } from '../../../src/engine/rules/mirrorface-pattern';
import { protectedPersonImpersonation } from '../../../src/engine/rules/protected-person-impersonation';
import { lureWording } from '../../../src/engine/rules/lure-wording';
import { credentialLure } from '../../../src/engine/rules/credential-lure';
import { protectedArchive } from '../../../src/engine/rules/protected-archive';
import { riskyAttachment } from '../../../src/engine/rules/risky-attachment';
import { fileSharingLink } from '../../../src/engine/rules/file-sharing-link';
import { enableContentCoaching } from '../../../src/engine/rules/enable-content-coaching';
import { fixture } from '../../fixtures/content/builders';
import { contentPolicy } from './policy';
import { attachment, from, htmlLink, mail, priorFinding, runRule } from './message';

const policy = contentPolicy();

const contentRules = [lureWording, credentialLure, enableContentCoaching, fileSharingLink, riskyAttachment, protectedArchive, mirrorfacePattern];

const lureText = '日中関係の今後について、研究会でのご講演（講演依頼）をお願いしたく存じます。資料を添付いたします。パスワード：2501jp';

describe('mirrorface-pattern', () => {
  test('impersonated sender + geopolitical lure + encrypted archive: high, with the three parts as notes', () => {
    const protectedPolicy = contentPolicy({
      protectedPeople: [{ name: 'Kenji Watanabe', aliases: ['渡辺 健二'], emails: ['k.watanabe@example-institute.jp'], domains: [] }],
      freemailDomains: new Set(),
    });
    const message = mail({ ...from('watanabe.kenji.office@mail-box.example', '渡辺 健二'), subject: '【ご相談】講演依頼', text: lureText, attachments: [attachment('資料.zip', { content: fixture('encrypted.zip') })] });
    const verdict = analyze(message, protectedPolicy, [protectedPersonImpersonation, ...contentRules]);
    const finding = verdict.findings.find((candidate) => candidate.rule === 'mirrorface-pattern');
    expect(finding).toMatchObject({ severity: 'high', category: 'sender' });
    // Each part names the component finding by its title, in each language.
    expect(finding?.evidence).toEqual([
      { kind: 'note', text: { en: `Sender: ${protectedPersonImpersonation.title.en}`, ja: `送信者：「${protectedPersonImpersonation.title.ja}」` } },
      { kind: 'note', text: { en: `Lure: ${lureWording.title.en}`, ja: `誘いの話題：「${lureWording.title.ja}」` } },
      { kind: 'note', text: { en: `Payload: ${protectedArchive.title.en}`, ja: `危険なファイル・リンク：「${protectedArchive.title.ja}」` } },
    ]);
    expect(verdict.verdict).toBe('dangerous');
  });

  test('free-mail sender + lure + file-sharing link, in English', () => {
    const message = mail({
      ...from('policy.forum.japan@gmail.com'),
      subject: 'Draft for your comments: Taiwan Strait scenarios',
      text: 'Dear Professor, we would appreciate your comments on our draft on the Taiwan Strait and North Korea.',
      links: [htmlLink('https://onedrive.live.com/download?cid=ABC&resid=ABC!123', 'Download the draft')],
    });
    const verdict = analyze(message, policy, contentRules);
    expect(verdict.findings.map((finding) => finding.rule)).toEqual(expect.arrayContaining(['mirrorface-pattern', 'file-sharing-link', 'lure-wording']));
  });

  test('any two of the three parts are not the pattern', () => {
    const lure = priorFinding('lure-wording', 'wording');
    const payload = priorFinding('risky-attachment', 'attachments');
    const impersonation = priorFinding('lookalike-domain', 'sender');
    const company = mail(from('office@unknown-foundation.org'));
    expect(runRule(mirrorfacePattern, company, policy, [lure, payload])).toBeUndefined();
    expect(runRule(mirrorfacePattern, company, policy, [impersonation, payload])).toBeUndefined();
    expect(runRule(mirrorfacePattern, company, policy, [impersonation, lure])).toBeUndefined();
    expect(runRule(mirrorfacePattern, company, policy, [impersonation, lure, payload])).toBeDefined();
  });

  test('credential phishing wording is not the geopolitical lure of this campaign', () => {
    const message = mail(from('someone@gmail.com'));
    expect(runRule(mirrorfacePattern, message, policy, [priorFinding('credential-lure', 'wording'), priorFinding('risky-attachment', 'attachments')])).toBeUndefined();
  });

  test('a colleague sending a seminar invitation with slides is not the pattern', () => {
    const message = mail({ ...from('colleague@example-institute.jp'), subject: '安全保障と日中関係に関する研究会', text: '研究会の資料を共有します。', attachments: [attachment('slides.pptx')] });
    const verdict = analyze(message, policy, contentRules);
    expect(verdict.findings.map((finding) => finding.rule)).toEqual(['lure-wording']);
    expect(verdict.verdict).toBe('clean');
  });
});
