import { hiddenRecipients, recipientsHidden } from '../../../src/engine/rules/hidden-recipients';
import { analyze } from '../../../src/engine/analyze';
import { header, listHeaders, mail, runRule } from './message';
import { makePolicy } from './policy';

describe('hidden-recipients', () => {
  test('no To or Cc, undisclosed-recipients, or the sender writing to itself', () => {
    expect(hiddenRecipients.severity).toBe('low');
    expect(runRule(hiddenRecipients, mail({ to: [] }))?.evidence[0]).toEqual(expect.objectContaining({ kind: 'header', name: 'To', value: '(none)' }));
    expect(recipientsHidden(mail({ to: ['undisclosed-recipients <>'] }))).toBe(true);
    expect(recipientsHidden(mail({ from: '事務局 <office@asia-policy-forum.org>', to: ['office@asia-policy-forum.org'] }))).toBe(true);
  });

  test('visible recipients and mailing lists are left alone', () => {
    expect(runRule(hiddenRecipients, mail())).toBeUndefined();
    expect(runRule(hiddenRecipients, mail({ to: [], cc: ['渡辺 健二 <k.watanabe@kaiyo-inst.or.jp>'] }))).toBeUndefined();
    expect(runRule(hiddenRecipients, mail({ to: [], headers: listHeaders() }))).toBeUndefined();
  });

  test('is low: a Bcc announcement alone stays clean, a forged Bcc mailing does not', () => {
    const policy = makePolicy();
    expect(analyze(mail({ to: [], subject: '年末年始の休業のお知らせ' }), policy).verdict).toBe('clean');
    const auth = [header('Authentication-Results', 'mx.example; spf=fail smtp.mailfrom=notice-example.com; dmarc=fail header.from=notice-example.com')];
    const forged = { from: 'Notice <info@notice-example.com>', headers: auth };
    expect(analyze(mail({ ...forged }), policy).verdict).toBe('clean');
    expect(analyze(mail({ ...forged, to: [] }), policy).verdict).toBe('suspicious');
  });
});
