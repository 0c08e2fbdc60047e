// The phrases of one part of the message (subject or text), quoted as the message has them — original
// case and width, line breaks kept — with each phrase marked. Several phrases in one subject are one
// quote. Where the quote cannot be placed in the original, the engine's (normalised) context is shown
// and said to be that.
import type { Evidence, MailMessage } from '../../engine/model';
import type { DetailStrings, Strings } from '../../i18n';
import { originalRanges, quotesOf, rangesByText } from '../quote';
import { named } from '../named';
import { Highlighted, SafeText } from '../SafeText';
import { highlightPhrase, type Segment } from '../visible';
import { reasonDetailsClasses as classes, type MarkTone } from './ReasonDetails.styles';

type PhraseEvidence = Extract<Evidence, { kind: 'phrase' }>;

/** The quotes for one field's phrases: from the original when possible, else the engine's contexts. */
export function quotesForField(message: MailMessage, field: string, phrases: readonly PhraseEvidence[]): { quotes: Segment[][]; normalized: boolean } {
  const original = field === 'subject' ? message.subject : field === 'body' ? message.text : undefined;
  if (original !== undefined) {
    const withOffsets = phrases.every((phrase) => phrase.at);
    const ranges = withOffsets
      ? originalRanges({ original, body: field === 'body' }, phrases.map((phrase) => phrase.at!))
      : rangesByText(original, phrases.map((phrase) => phrase.phrase));
    if (ranges) return { quotes: quotesOf(original, ranges), normalized: false };
  }
  return { quotes: phrases.slice(0, 3).map((phrase) => highlightPhrase(phrase.context.slice(0, 600), phrase.phrase)), normalized: true };
}

export function Quotes({ message, phrases, tone, t, d }: { message: MailMessage; phrases: readonly PhraseEvidence[]; tone: MarkTone; t: Strings; d: DetailStrings }) {
  const fields = [...new Set(phrases.map((phrase) => phrase.field))];
  // Built-in topics by their name in the pane's language; a topic IT invented, as written.
  const topics = [...new Set(phrases.map((phrase) => named(t.topicNames, phrase.category) ?? phrase.category))];
  return (
    <>
      <dl className={classes.facts} data-kind="phrase">
        <dt>{d.topic}</dt>
        <dd>
          <SafeText value={t.listJoin(topics.slice(0, 6))} max={300} />
        </dd>
      </dl>
      {fields.map((field) => {
        const { quotes, normalized } = quotesForField(
          message,
          field,
          phrases.filter((phrase) => phrase.field === field),
        );
        const label = named(d.fieldNames, field);
        return (
          <div key={field} className={classes.mark[tone]} data-field={field} data-testid="quote">
            {quotes.map((segments, index) => (
              <blockquote key={index} className={classes.quote}>
                {index === 0 && (label || normalized) && <span className={classes.quoteLabel}>{normalized ? d.quoteNormalized : label}</span>}
                <Highlighted segments={segments} multiline />
              </blockquote>
            ))}
          </div>
        );
      })}
    </>
  );
}
