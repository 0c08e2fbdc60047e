import { abusedTldSender as rule } from '../../../src/engine/rules/abused-tld-sender';
import { analyze } from '../../../src/engine/analyze';
import { mail, runRule } from './message';
import { makePolicy } from './policy';

describe('abused-tld-sender', () => {
  it.each(['offers@sarah1.komaa.xyz', 'For_You_44301@londona.dyana.shop', 'news@khmira15.tbarhich.best', 'info@promo-example.top', 'deals@offers-example.online'])('fires (low) for %s', (address) => {
    const hit = runRule(rule, mail({ from: `Deals <${address}>` }));
    expect(rule.severity).toBe('low');
    expect(hit?.evidence[0]).toMatchObject({ kind: 'header', name: 'From', meaning: { en: expect.stringMatching(/^The top-level domain \.(xyz|shop|best|top|online) /) } });
  });

  it.each(['hanako@asia-policy-forum.org', 'info@example-shoji.co.jp', 'news@shop.example.com', 'a@xyz.example.de', 'alerts@[192.0.2.10]', 'MAILER-DAEMON'])('stays quiet for %s', (address) => {
    expect(runRule(rule, mail({ from: `Someone <${address}>` }))).toBeUndefined();
  });

  it('stays quiet for a domain IT trusts', () => {
    expect(runRule(rule, mail({ from: 'Club <news@club-example.shop>' }), makePolicy({ trustedDomains: ['club-example.shop'] }))).toBeUndefined();
  });

  it('alone leaves a message clean', () => {
    expect(analyze(mail({ from: 'Garden Club <news@garden-club.shop>', subject: 'Spring meeting' }), makePolicy()).verdict).toBe('clean');
  });
});
