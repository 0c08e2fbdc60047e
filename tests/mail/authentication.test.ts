import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAuthenticationResults, readAuthentication } from '../../src/mail/authentication';
import { parseEml, parseHeaderBlock } from '../../src/mail/eml';

const read = (block: string) => readAuthentication(parseHeaderBlock(block));

describe('readAuthentication', () => {
  it('reads the Microsoft 365 form, which has no authserv-id, with compauth and its reason', () => {
    const summary = read(
      'Authentication-Results: spf=fail (sender IP is 203.0.113.45)\r\n' +
        ' smtp.mailfrom=example-login.ru; dkim=none (message not signed)\r\n' +
        ' header.d=none;dmarc=fail action=quarantine header.from=paypa1-alerts.com;compauth=fail\r\n' +
        ' reason=000\r\n',
    );
    expect(summary).toEqual({
      present: true,
      spf: { result: 'fail', mailfrom: 'example-login.ru' },
      dkim: [{ result: 'none' }],
      dmarc: { result: 'fail', action: 'quarantine', headerFrom: 'paypa1-alerts.com' },
      compauth: { result: 'fail', reason: '000' },
    });
  });

  it('reads a field Microsoft 365 wrote as encoded words because the From address was not ASCII', () => {
    const plain = 'spf=fail (sender IP is 198.51.100.42) smtp.mailfrom=bulk-relay.example; dkim=fail (no key for signature) header.d=shop-example.de;dmarc=none action=none header.from=𝗌𝗁𝗈𝗉-example.de;compauth=fail reason=001';
    const bytes = Buffer.from(plain, 'utf8');
    // Folded in words of 45 bytes, as the writer does, splitting a letter across two words.
    const words = Array.from({ length: Math.ceil(bytes.length / 45) }, (_, i) => `=?utf-8?B?${bytes.subarray(i * 45, i * 45 + 45).toString('base64')}?=`);
    const summary = read(`Authentication-Results: ${words.join('\r\n ')}\r\n`);
    expect(summary.spf).toEqual({ result: 'fail', mailfrom: 'bulk-relay.example' });
    expect(summary.dkim).toEqual([{ result: 'fail', domain: 'shop-example.de' }]);
    expect(summary.compauth).toEqual({ result: 'fail', reason: '001' });
  });

  it('reads the RFC 8601 form with an authserv-id, header.d, header.i, header.s and a DMARC policy comment', () => {
    const summary = read(
      'Authentication-Results: mx.google.com;\r\n' +
        '       dkim=pass header.i=@example.com header.s=s1 header.b=AbCdEf;\r\n' +
        '       dkim=fail (body hash did not verify) header.i=@lists.example.org;\r\n' +
        '       spf=pass (google.com: domain of bounce@example.com designates 192.0.2.1 as permitted sender) smtp.mailfrom=bounce@example.com smtp.helo=mail.example.com;\r\n' +
        '       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com;\r\n' +
        '       arc=pass (i=1 spf=pass spfdomain=example.com dkim=pass dkdomain=example.com dmarc=pass fromdomain=example.com)\r\n',
    );
    expect(summary.spf).toEqual({ result: 'pass', mailfrom: 'bounce@example.com', helo: 'mail.example.com' });
    expect(summary.dkim).toEqual([
      { result: 'pass', domain: 'example.com', selector: 's1' },
      { result: 'fail', domain: 'lists.example.org' },
    ]);
    expect(summary.dmarc).toEqual({ result: 'pass', headerFrom: 'example.com', policy: 'reject' });
    expect(summary.arc).toEqual({ result: 'pass' });
  });

  it('lets the topmost Authentication-Results win over an older or forged one lower down', () => {
    const summary = read(
      'Authentication-Results: mx.receiver.example; spf=softfail smtp.mailfrom=attacker.example; dmarc=fail header.from=bank.example\r\n' +
        'Received: from attacker.example\r\n' +
        'Authentication-Results: mx.receiver.example; dkim=pass header.d=bank.example\r\n' +
        'Authentication-Results: forged.example; spf=pass smtp.mailfrom=bank.example; dkim=pass header.d=bank.example; dmarc=pass header.from=bank.example\r\n',
    );
    expect(summary.spf).toEqual({ result: 'softfail', mailfrom: 'attacker.example' });
    expect(summary.dmarc).toEqual({ result: 'fail', headerFrom: 'bank.example' });
    // The second header from the same server (it writes one per check) counts; the foreign one does not.
    expect(summary.dkim).toEqual([{ result: 'pass', domain: 'bank.example' }]);
  });

  it('stops at the first Authentication-Results from another server, even if the boundary writes again below it', () => {
    const summary = read(
      'Authentication-Results: mx.receiver.example; spf=fail smtp.mailfrom=x.example\r\n' +
        'Authentication-Results: relay.sender.example; dkim=pass header.d=x.example\r\n' +
        'Authentication-Results: mx.receiver.example; dmarc=pass header.from=x.example\r\n',
    );
    expect(summary.dkim).toEqual([]);
    expect(summary.dmarc).toBeUndefined();
  });

  it('ignores ARC-Authentication-Results for the verdict', () => {
    const summary = read('ARC-Authentication-Results: i=1; mx.google.com; spf=pass smtp.mailfrom=bank.example; dkim=pass header.d=bank.example; dmarc=pass\r\n');
    expect(summary).toEqual({ present: false, dkim: [] });
  });

  it('handles quoted values holding ";" and "(", nested comments, and spaces around "="', () => {
    const summary = read(
      'Authentication-Results: mx.example.net 1; spf = neutral (comment (nested; still comment)) smtp.mailfrom="odd;user@example.com";\r\n' +
        ' dkim=permerror reason="key (missing)" header.d="example.com"\r\n',
    );
    expect(summary.spf).toEqual({ result: 'neutral', mailfrom: 'odd;user@example.com' });
    expect(summary.dkim).toEqual([{ result: 'permerror', domain: 'example.com' }]);
  });

  it('maps unknown result words to "other", hardfail to fail, and keeps compauth as written', () => {
    const summary = read('Authentication-Results: spf=hardfail smtp.mailfrom=a.example; dkim=weird; compauth=softpass reason=201\r\n');
    expect(summary.spf?.result).toBe('fail');
    expect(summary.dkim).toEqual([{ result: 'other' }]);
    expect(summary.compauth).toEqual({ result: 'softpass', reason: '201' });
  });

  it('reads X-Forefront-Antispam-Report CAT, SFTY, SCL and SFV, and AuthAs, from their first occurrence', () => {
    const summary = read(
      'X-Forefront-Antispam-Report: CIP:203.0.113.45;CTRY:RU;LANG:en;SCL:5;SRV:;IPV:NLI;SFV:SPM;H:relay;PTR:InfoDomainNonexistent;CAT:PHSH;SFTY:9.25;SFS:(13230031)(4636009);DIR:INB;\r\n' +
        'X-MS-Exchange-Organization-AuthAs: Anonymous\r\n' +
        'X-Forefront-Antispam-Report: CAT:NONE;SFTY:;SCL:1\r\n' +
        'X-MS-Exchange-Organization-AuthAs: Internal\r\n',
    );
    expect(summary.present).toBe(false);
    expect(summary.microsoft).toEqual({ category: 'PHSH', safety: '9.25', scl: 5, spamVerdict: 'SPM', authAs: 'Anonymous' });
  });

  it('reads the fixture a Microsoft 365 mailbox received', async () => {
    const message = await parseEml(readFileSync(path.join(__dirname, '..', 'fixtures', 'mail', 'phish-link-mismatch.eml')));
    const summary = readAuthentication(message.headers);
    expect(summary.dmarc?.result).toBe('fail');
    expect(summary.compauth).toEqual({ result: 'fail', reason: '000' });
    expect(summary.microsoft).toMatchObject({ category: 'PHSH', safety: '9.25', authAs: 'Anonymous' });
  });

  it('says nothing was checked when there are no such headers', () => {
    expect(read('From: a@example.com\r\nSubject: x\r\n')).toEqual({ present: false, dkim: [] });
  });

  it('copes with garbage values and huge headers', () => {
    expect(read('Authentication-Results: ;;;==;("\r\n').present).toBe(true);
    const huge = readAuthentication([{ name: 'Authentication-Results', value: 'x; ' + 'dkim=pass header.d=a.example; '.repeat(20_000) }]);
    expect(huge.dkim.length).toBeLessThanOrEqual(20);
  });
});

describe('parseAuthenticationResults', () => {
  it('separates the authserv-id from the results', () => {
    const parsed = parseAuthenticationResults('mx.example.org 1; spf=pass smtp.mailfrom=a@example.org');
    expect(parsed.authservId).toBe('mx.example.org');
    expect(parsed.results.map((r) => [r.method, r.result, r.props.get('smtp.mailfrom')])).toEqual([['spf', 'pass', 'a@example.org']]);
  });

  it('strips a method version', () => {
    expect(parseAuthenticationResults('x; dkim/1=pass header.d=a.example').results[0].method).toBe('dkim');
  });
});
