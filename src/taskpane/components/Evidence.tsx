// One piece of evidence in plain words, rendered by kind. Every value here came from the message:
// SafeText only. No rule ids, technique numbers or names of message fields: a part of the message is
// named only when the dictionary has a word for it. Under a clean verdict (`neutral`) the engine's
// judgements ("not Microsoft's site") are left out: the facts stay, the warnings do not.
import type { ReactNode } from 'react';
import type { CharacterNote, Evidence } from '../../engine/model';
import { localized, type DetailStrings, type Language, type Strings } from '../../i18n';
import { named } from '../named';
import { SafeText } from '../SafeText';
import { visible } from '../visible';
import { reasonDetailsClasses as classes } from './ReasonDetails.styles';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function Facts({ kind, children }: { kind: Evidence['kind']; children: ReactNode }) {
  return (
    <dl className={classes.facts} data-kind={kind}>
      {children}
    </dl>
  );
}

/** "і cyrillic small letter byelorussian-ukrainian i (U+0456)"; an invisible character is shown only by its code. */
export function characterLabel(note: CharacterNote, d: DetailStrings): string {
  const shown = visible(note.char);
  return d.characterDescription(shown === note.char ? note.char : '', note.description, note.codePoint).trim();
}

export function CharacterList({ notes, d }: { notes: readonly CharacterNote[]; d: DetailStrings }) {
  return (
    <ul className={classes.characters}>
      {notes.slice(0, 20).map((note, index) => (
        <li key={index}>{characterLabel(note, d)}</li>
      ))}
    </ul>
  );
}

export interface EvidenceViewProps {
  evidence: Evidence;
  t: Strings;
  d: DetailStrings;
  language: Language;
  neutral: boolean;
  /** Already shown in the address comparison above it: only what the comparison does not say. */
  compared?: boolean;
}

export function EvidenceView({ evidence, t, d, language, neutral, compared = false }: EvidenceViewProps) {
  switch (evidence.kind) {
    case 'impersonation':
      return (
        <Facts kind={evidence.kind}>
          <Row label={d.nameShown}><SafeText value={evidence.value} /></Row>
          <Row label={d.claimsToBe}><SafeText value={evidence.claimed} /></Row>
          <Row label={d.reallySentFrom}><SafeText value={evidence.actual} /></Row>
        </Facts>
      );
    case 'lookalike':
      return (
        <Facts kind={evidence.kind}>
          {!compared && <Row label={d.looksLike}><SafeText value={evidence.resembles} /></Row>}
          <Row label={d.trick}>{named(d.techniqueNames, evidence.technique) ?? <SafeText value={evidence.technique} max={80} />}</Row>
          {evidence.differences.length > 0 && <Row label={d.unusualCharacters}><CharacterList notes={evidence.differences} d={d} /></Row>}
        </Facts>
      );
    case 'address-mismatch':
      return (
        <Facts kind={evidence.kind}>
          <Row label={/reply-to/i.test(evidence.field) ? d.replyToShown : d.nameShowsAddress}><SafeText value={evidence.shown} /></Row>
          <Row label={/reply-to/i.test(evidence.field) ? d.repliesGoTo : d.reallySentFrom}><SafeText value={evidence.actual} /></Row>
        </Facts>
      );
    case 'header':
      return (
        <Facts kind={evidence.kind}>
          <Row label={d.header}><SafeText value={evidence.name} max={80} />: <SafeText value={evidence.value} /></Row>
          {!neutral && <Row label={d.meaning}><SafeText value={localized(evidence.meaning, language)} max={400} /></Row>}
        </Facts>
      );
    case 'authentication': {
      const meaning = evidence.meaning ? localized(evidence.meaning, language) : named(d.authResultMeanings, evidence.result.toLowerCase());
      return (
        <Facts kind={evidence.kind}>
          <Row label={evidence.method.toUpperCase()}>
            <SafeText value={evidence.result} max={60} />
            {meaning !== undefined && <> — {meaning}</>}
          </Row>
          {evidence.domain && <Row label={d.authDomain}><SafeText value={evidence.domain} /></Row>}
        </Facts>
      );
    }
    case 'characters': {
      const where = named(d.fieldNames, evidence.field);
      return (
        <Facts kind={evidence.kind}>
          {where && <Row label={where}><SafeText value={evidence.value} /></Row>}
          <Row label={d.unusualCharacters}><CharacterList notes={evidence.characters} d={d} /></Row>
        </Facts>
      );
    }
    case 'phrase':
      // Phrases are quoted together, per part of the message (Quotes.tsx); this is the lone fallback.
      return (
        <Facts kind={evidence.kind}>
          <Row label={d.topic}>{named(t.topicNames, evidence.category) ?? <SafeText value={evidence.category} max={80} />}</Row>
          <Row label={named(d.fieldNames, evidence.field) ?? d.topic}><SafeText value={evidence.phrase} max={200} /></Row>
        </Facts>
      );
    case 'link':
      return (
        <Facts kind={evidence.kind}>
          {evidence.attachment !== undefined ? (
            <Row label={d.linkInAttachment}><SafeText value={evidence.attachment} /></Row>
          ) : (
            <Row label={d.linkText}><SafeText value={evidence.text} /></Row>
          )}
          {evidence.shownHost && <Row label={d.linkShownHost}><SafeText value={evidence.shownHost} /></Row>}
          <Row label={d.linkRealHost}><strong><SafeText value={evidence.host} /></strong></Row>
          <Row label={d.linkTarget}><SafeText value={evidence.href} max={120} /></Row>
          {!neutral && <Row label={d.reason}><SafeText value={localized(evidence.reason, language)} max={400} /></Row>}
        </Facts>
      );
    case 'attachment':
      return (
        <Facts kind={evidence.kind}>
          <Row label={d.attachmentName}><SafeText value={evidence.name} /></Row>
          {evidence.contentType && <Row label={d.attachmentType}><SafeText value={evidence.contentType} max={100} /></Row>}
          {!neutral && <Row label={d.reason}><SafeText value={localized(evidence.reason, language)} max={400} /></Row>}
        </Facts>
      );
    case 'note':
      return (
        <p className={classes.facts} data-kind={evidence.kind}>
          <SafeText value={localized(evidence.text, language)} max={600} multiline />
        </p>
      );
  }
}
