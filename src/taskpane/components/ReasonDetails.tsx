// What is behind one reason, shown when the reader opens it (this file is loaded only then): the
// claimed and real address compared, the other findings about the same thing, quotes of the message,
// the remaining evidence as plain facts, and why it matters. Under a clean verdict the same facts
// appear without the engine's warnings.
import type { Evidence, MailMessage, VerdictLevel } from '../../engine/model';
import { domainOfAddress } from '../../mail/hosts';
import { localized, type DetailStrings, type Language, type Strings } from '../../i18n';
import { detailStringsFor } from '../../i18n/details';
import { closest } from '../diff';
import { evidenceOf, type Reason } from '../reasons';
import { SafeText } from '../SafeText';
import { AddressCompare, type Comparison } from './AddressCompare';
import { EvidenceView } from './Evidence';
import { Quotes } from './Quotes';
import { reasonDetailsClasses as classes, reasonDetailsStyles } from './ReasonDetails.styles';
import { useStyleSheets } from './stylesheet';

const REPLY_TO = /reply-to/i;

/**
 * The one comparison that shows the trick best, and the evidence it stands for: a known person's real
 * address against the sender's, else a look-alike domain against the real one, else an address
 * written in the name (or the Reply-To) against the real one, else an organisation's domain.
 */
export function comparisonOf(evidence: readonly Evidence[], d: DetailStrings): { comparison: Comparison; used: Evidence } | undefined {
  const personal = evidence.find((item) => item.kind === 'impersonation' && item.expected.some((address) => address.includes('@')));
  if (personal?.kind === 'impersonation') {
    const claimed = closest(personal.actual, personal.expected.filter((address) => address.includes('@'))) as string;
    return { used: personal, comparison: { claimedLabel: d.realAddress, claimed, actualLabel: d.reallySentFrom, actual: personal.actual } };
  }
  const lookalike = evidence.find((item) => item.kind === 'lookalike');
  if (lookalike?.kind === 'lookalike') {
    return {
      used: lookalike,
      comparison: {
        claimedLabel: d.looksLike,
        claimed: lookalike.resembles,
        actualLabel: REPLY_TO.test(lookalike.field) ? d.repliesGoTo : d.reallySentFrom,
        actual: lookalike.domain,
        extra: lookalike.differences.map((note) => note.index),
      },
    };
  }
  const mismatch = evidence.find((item) => item.kind === 'address-mismatch');
  if (mismatch?.kind === 'address-mismatch') {
    const replies = REPLY_TO.test(mismatch.field);
    return {
      used: mismatch,
      comparison: { claimedLabel: replies ? d.replyToShown : d.nameShowsAddress, claimed: mismatch.shown, actualLabel: replies ? d.repliesGoTo : d.reallySentFrom, actual: mismatch.actual },
    };
  }
  const organisation = evidence.find((item) => item.kind === 'impersonation' && item.expected.length > 0);
  if (organisation?.kind === 'impersonation') {
    const actualDomain = domainOfAddress(organisation.actual) || organisation.actual;
    const claimed = closest(actualDomain, organisation.expected) as string;
    return { used: organisation, comparison: { claimedLabel: d.claimsToBe, claimed, actualLabel: d.reallySentFrom, actual: actualDomain } };
  }
  return undefined;
}

/** The real address a piece of sender evidence is about. */
function actualOf(item: Evidence): string | undefined {
  return item.kind === 'impersonation' || item.kind === 'address-mismatch' ? item.actual : undefined;
}

/** Evidence the comparison already says: another claim, or an address in the name, about the same real address. */
function saidByComparison(item: Evidence, used: Evidence | undefined): boolean {
  if (!used || item === used) return item === used;
  const actual = actualOf(item);
  return actual !== undefined && actual === actualOf(used) && !/reply-to/i.test('field' in item ? item.field : '');
}

export function ReasonDetails({ reason, level, message, t, language }: { reason: Reason; level: VerdictLevel; message: MailMessage; t: Strings; language: Language }) {
  useStyleSheets(reasonDetailsStyles);
  const d = detailStringsFor(language);
  const neutral = level === 'clean';
  const tone = neutral ? 'neutral' : 'alert';
  const evidence = evidenceOf(reason);
  const found = comparisonOf(evidence, d);
  const phrases = evidence.filter((item): item is Extract<Evidence, { kind: 'phrase' }> => item.kind === 'phrase');
  // A compared look-alike still has more to say: the trick and the look-alike characters.
  const rest = evidence.filter((item) => item.kind !== 'phrase' && (item.kind === 'lookalike' || !saidByComparison(item, found?.used)));
  const others = reason.findings.slice(1);
  const name = found?.used.kind === 'impersonation' ? found.used.value : undefined;
  return (
    <div data-testid="reason-details">
      {name && (
        <dl className={classes.facts}>
          <dt>{d.nameShown}</dt>
          <dd>
            <SafeText value={name} />
          </dd>
        </dl>
      )}
      {found && <AddressCompare comparison={found.comparison} tone={tone} d={d} />}
      {phrases.length > 0 && <Quotes message={message} phrases={phrases} tone={tone} t={t} d={d} />}
      {rest.slice(0, 12).map((item, index) => (
        <EvidenceView key={index} evidence={item} t={t} d={d} language={language} neutral={neutral} compared={item === found?.used} />
      ))}
      {others.length > 0 && (
        <>
          <p className={classes.explanation}>{d.alsoAboutThis}</p>
          <ul className={classes.also}>
            {others.map((finding) => (
              <li key={finding.rule}>{localized(finding.title, language)}</li>
            ))}
          </ul>
        </>
      )}
      {!neutral && <p className={classes.explanation}>{localized(reason.findings[0].explanation, language)}</p>}
    </div>
  );
}
