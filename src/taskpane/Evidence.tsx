// One piece of evidence, rendered by kind. Every value here came from the message: SafeText only.
import type { ReactNode } from 'react';
import type { CharacterNote, Evidence } from '../engine/model';
import { localized, type Language, type Strings } from '../i18n';
import { Highlighted, SafeText } from './SafeText';
import { diffDomains, highlightPhrase, visible } from './visible';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** "і (U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I)" — the character itself only when it can be seen. */
/** The translated name for a known key; undefined for keys the dictionary does not know (or inherits). */
export function named(names: Record<string, string>, key: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(names, key) ? names[key] : undefined;
}

/** A message part by its name in the pane's language; parts without one keep their technical name. */
function FieldName({ field, t }: { field: string; t: Strings }) {
  const name = named(t.fieldNames, field);
  return name ? <>{name}</> : <code>{field}</code>;
}

export function characterLabel(note: CharacterNote): string {
  const shown = visible(note.char);
  const glyph = shown === note.char ? `${note.char} ` : '';
  return `${glyph}(${note.codePoint} ${note.description})`;
}

function CharacterList({ notes }: { notes: CharacterNote[] }) {
  return (
    <ul className="ll-characters">
      {notes.slice(0, 50).map((note, index) => (
        <li key={index}>
          <code>{characterLabel(note)}</code>
        </li>
      ))}
    </ul>
  );
}

export function EvidenceView({ evidence, t, language }: { evidence: Evidence; t: Strings; language: Language }) {
  switch (evidence.kind) {
    case 'impersonation':
      return (
        <dl className="ll-evidence" data-kind={evidence.kind}>
          <Row label={t.field}><FieldName field={evidence.field} t={t} /></Row>
          <Row label={t.value}><SafeText value={evidence.value} /></Row>
          <Row label={t.claimed}><SafeText value={evidence.claimed} /></Row>
          {evidence.expected.length > 0 && (
            <Row label={t.expected}>
              {evidence.expected.slice(0, 10).map((address, index) => (
                <span key={index}>
                  {index > 0 ? ', ' : ''}
                  <SafeText value={address} max={100} />
                </span>
              ))}
            </Row>
          )}
          <Row label={t.actualAddress}><SafeText value={evidence.actual} /></Row>
          {evidence.similarity !== undefined && <Row label={t.detail}>{t.similarity(Math.round(evidence.similarity * (evidence.similarity <= 1 ? 100 : 1)))}</Row>}
        </dl>
      );
    case 'lookalike': {
      const diff = diffDomains(evidence.domain, evidence.resembles, evidence.differences.map((note) => note.index));
      return (
        <dl className="ll-evidence" data-kind={evidence.kind}>
          <Row label={t.field}><FieldName field={evidence.field} t={t} /></Row>
          <Row label={t.domainSeen}><code><Highlighted segments={diff.a} /></code></Row>
          <Row label={t.domainResembles}><code><Highlighted segments={diff.b} /></code></Row>
          <Row label={t.technique}>{named(t.techniqueNames, evidence.technique) ?? <SafeText value={evidence.technique} />}</Row>
          {evidence.differences.length > 0 && <Row label={t.differentCharacters}><CharacterList notes={evidence.differences} /></Row>}
        </dl>
      );
    }
    case 'address-mismatch':
      return (
        <dl className="ll-evidence" data-kind={evidence.kind}>
          <Row label={t.field}><FieldName field={evidence.field} t={t} /></Row>
          <Row label={t.shownAddress}><SafeText value={evidence.shown} /></Row>
          <Row label={t.actualAddress}><SafeText value={evidence.actual} /></Row>
        </dl>
      );
    case 'header':
      return (
        <dl className="ll-evidence" data-kind={evidence.kind}>
          <Row label={t.header}><code><SafeText value={evidence.name} max={80} /></code></Row>
          <Row label={t.value}><SafeText value={evidence.value} /></Row>
          <Row label={t.meaning}><SafeText value={localized(evidence.meaning, language)} max={400} /></Row>
        </dl>
      );
    case 'authentication':
      return (
        <dl className="ll-evidence" data-kind={evidence.kind}>
          <Row label={evidence.method.toUpperCase()}>
            <SafeText value={evidence.result} max={60} />
            {named(t.authResultMeanings, evidence.result.toLowerCase()) !== undefined && <> — {named(t.authResultMeanings, evidence.result.toLowerCase())}</>}
          </Row>
          {evidence.domain && <Row label={t.authDomain}><SafeText value={evidence.domain} /></Row>}
          {evidence.detail && <Row label={t.detail}><SafeText value={evidence.detail} max={300} /></Row>}
        </dl>
      );
    case 'characters':
      return (
        <dl className="ll-evidence" data-kind={evidence.kind}>
          <Row label={t.field}><FieldName field={evidence.field} t={t} /></Row>
          <Row label={t.value}><SafeText value={evidence.value} /></Row>
          <Row label={t.hiddenCharacters}><CharacterList notes={evidence.characters} /></Row>
        </dl>
      );
    case 'phrase':
      return (
        <dl className="ll-evidence" data-kind={evidence.kind}>
          <Row label={t.field}><FieldName field={evidence.field} t={t} /></Row>
          <Row label={t.phraseCategory}>{named(t.topicNames, evidence.category) ?? <SafeText value={evidence.category} max={80} />}</Row>
          <Row label={t.phraseInContext}>
            <Highlighted segments={highlightPhrase(evidence.context.slice(0, 600), evidence.phrase)} multiline />
          </Row>
        </dl>
      );
    case 'link':
      return (
        <dl className="ll-evidence" data-kind={evidence.kind}>
          <Row label={t.linkText}><SafeText value={evidence.text} /></Row>
          {evidence.shownHost && <Row label={t.linkShownHost}><code><SafeText value={evidence.shownHost} /></code></Row>}
          <Row label={t.linkRealHost}><strong><code><SafeText value={evidence.host} /></code></strong></Row>
          <Row label={t.linkTarget}><code><SafeText value={evidence.href} max={120} /></code></Row>
          <Row label={t.reason}><SafeText value={localized(evidence.reason, language)} max={400} /></Row>
        </dl>
      );
    case 'attachment':
      return (
        <dl className="ll-evidence" data-kind={evidence.kind}>
          <Row label={t.attachmentName}><code><SafeText value={evidence.name} /></code></Row>
          {evidence.contentType && <Row label={t.attachmentType}><SafeText value={evidence.contentType} max={100} /></Row>}
          <Row label={t.reason}><SafeText value={localized(evidence.reason, language)} max={400} /></Row>
        </dl>
      );
    case 'note':
      return (
        <p className="ll-evidence" data-kind={evidence.kind}>
          <SafeText value={localized(evidence.text, language)} max={600} multiline />
        </p>
      );
  }
}
