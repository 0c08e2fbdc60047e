import { randomSenderMailbox as rule } from '../../../src/engine/rules/random-sender-mailbox';
import { consonantNoise, randomCaseStretch } from '../../../src/engine/text/random-string';
import { analyze } from '../../../src/engine/analyze';
import { mail, runRule } from './message';
import { makePolicy } from './policy';

describe('random-sender-mailbox', () => {
  it.each(['pfRppobjlplHtsF', 'GQVbcRBBd', 'dnVXGjxw', 'OjFzRsV', 'pprGcVU', 'msMqrRsA', 'QKkCpXCMd', 'HvGkodFtmcYKpfN'])('fires (low) for a From mailbox named %s', (local) => {
    const hit = runRule(rule, mail({ from: `Home Warranty <${local}@duty.offers.example>` }));
    expect(rule.severity).toBe('low');
    expect(hit?.evidence).toEqual([expect.objectContaining({ kind: 'header', name: 'From', meaning: expect.objectContaining({ en: expect.stringContaining(local) }) })]);
  });

  it.each([
    ['report-ppvguaohyzdqqtvec', 'ppvguaohyzdqqtvec'],
    ['zwbfyifxdjp.customer-service', 'zwbfyifxdjp'],
    ['zgxnokqqgp', 'zgxnokqqgp'],
    ['Bounce-VXIVFHBSFIPSZT', 'vxivfhbsfipszt'],
  ])('fires (low) for lower-case noise beside words: %s', (local, noise) => {
    expect(consonantNoise(local)).toBe(noise);
    expect(runRule(rule, mail({ from: `Annual Tax - Report <${local}@mail.offers.example>` }))?.evidence[0]).toMatchObject({ meaning: { en: expect.stringContaining(noise) } });
  });

  it.each(['markschwartz', 'krzysztofnowak', 'angstschweiss', 'knightsbridge', 'strengthsfinder', 'matsushita.kenichiro', 'newsletter-noreply', 'uyufghkklituuwdyfgih2', 'dfghjklqwrtz+bncBDK27TFO2'])(
    'reads %s as a name, an identifier or a tag',
    (local) => {
      expect(consonantNoise(local)).toBeUndefined();
    },
  );

  it('reads the Sender line behind a readable From', () => {
    const hit = runRule(rule, mail({ from: 'Research Panel <newsletters@panel.example>', sender: 'QRBXLMK <pTzKwQe@panel-mail.example>' }));
    expect(hit?.evidence).toEqual([expect.objectContaining({ name: 'Sender', value: 'pTzKwQe@panel-mail.example' })]);
  });

  it('stays quiet for a platform’s Sender in camel case (“on behalf of”)', () => {
    expect(runRule(rule, mail({ from: 'Hanako Suzuki <hanako.suzuki@example.jp>', sender: 'LinkedInNews <LinkedInNews@notify.example>' }))).toBeUndefined();
  });

  it('reads the Return-Path as well', () => {
    const hit = runRule(rule, mail({ from: 'Deals <deals@offers.example>', returnPath: 'PqmIwZjO@slave.offers.example' }));
    expect(hit?.evidence[0]).toMatchObject({ name: 'Return-Path', value: 'PqmIwZjO@slave.offers.example' });
  });

  it.each([
    'TetherTeam', 'McQuirk', 'ThosStew', 'JPMorganChase', 'LinkedInNews', 'USAToday', 'iPhoneNews', 'eBayDeals', 'DeltaAirLines', 'MSNBCNews', 'FOXSportsFLASH', 'JohnMcDonald',
    'hanako.suzuki', 'k.watanabe', 'bounces+16198611-6986-news', '0101018f79e69a52-e8d77140-2405', 'SRS0=dYwS8=HP', 'ZQ', 'Online#3.19725.55-A8YAgb1NX5rYkdRR.1', '2.20803.e3-IczdlShkrpJ3.1', '2.21122.29-GYdCgEWAHESJ.1',
  ])('stays quiet for %s', (local) => {
    expect(randomCaseStretch(local)).toBeUndefined();
    expect(runRule(rule, mail({ from: `Someone <${local}@example.com>`, returnPath: `${local}@example.com` }))).toBeUndefined();
  });

  it('alone leaves a message clean', () => {
    expect(analyze(mail({ from: 'Window Deals <ARVYlqDmZk@offers.example>' }), makePolicy()).verdict).toBe('clean');
  });

  it('reads at most a mailbox-length name', () => {
    expect(randomCaseStretch('aB'.repeat(100_000))?.length).toBe(64);
  });
});
