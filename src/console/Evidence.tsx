// A finding's evidence as labelled text. Evidence arrives as JSON from the service (the engine's
// Evidence union, src/engine/model.ts); every value in it came from the message, so each is a text
// node, URLs and hosts defanged. Unknown kinds are shown as their JSON text. The engine's own sentences
// (reasons, meanings, notes) are shown in the console's language; reports stored before they were
// localized carry plain (English or "English / 日本語") strings, shown as they are.
import type { ReactNode } from 'react';
import type { CharacterNote, Evidence, LocalizedText } from '../engine/model';
import { localizedText, type Language, type Strings } from './strings';
import { defangDomain } from './defang';
import { Txt, Url } from './Text';

type Labels = Strings['evidenceLabels'];

/** A sentence from the engine: LocalizedText now, a plain string in reports stored before that. */
type Sentence = string | LocalizedText;
type Widened<E, K extends keyof E> = Omit<E, K> & { [P in K]: Sentence };

/** Evidence as the service stored it, old reports included. */
export type StoredEvidence =
  | Exclude<Evidence, { kind: 'header' | 'link' | 'attachment' | 'note' }>
  | Widened<Extract<Evidence, { kind: 'header' }>, 'meaning'>
  | Widened<Extract<Evidence, { kind: 'link' }>, 'reason'>
  | Widened<Extract<Evidence, { kind: 'attachment' }>, 'reason'>
  | Widened<Extract<Evidence, { kind: 'note' }>, 'text'>;

function characters(notes: CharacterNote[] | undefined): string {
  return (notes ?? [])
    .slice(0, 50)
    .map((note) => `${note.codePoint} ${note.description}`)
    .join(', ');
}

function rows(evidence: StoredEvidence, l: Labels, language: Language): [string, ReactNode][] {
  switch (evidence.kind) {
    case 'impersonation':
      return [
        [l.field, <Txt value={evidence.field} />],
        [l.value, <Txt value={evidence.value} />],
        [l.claimed, <Txt value={evidence.claimed} />],
        [l.expected, <Txt value={(evidence.expected ?? []).slice(0, 10).join(', ')} />],
        [l.actual, <Txt value={evidence.actual} />],
        ...(evidence.similarity !== undefined ? ([[l.similarity, <Txt value={String(evidence.similarity)} />]] as [string, ReactNode][]) : []),
      ];
    case 'lookalike':
      return [
        [l.field, <Txt value={evidence.field} />],
        [l.domain, <Txt value={defangDomain(evidence.domain ?? '')} />],
        [l.resembles, <Txt value={defangDomain(evidence.resembles ?? '')} />],
        [l.technique, <Txt value={evidence.technique} />],
        [l.characters, <Txt value={characters(evidence.differences)} max={2000} />],
      ];
    case 'address-mismatch':
      return [
        [l.field, <Txt value={evidence.field} />],
        [l.shown, <Txt value={evidence.shown} />],
        [l.actual, <Txt value={evidence.actual} />],
      ];
    case 'header':
      return [
        [l.header, <Txt value={evidence.name} />],
        [l.value, <Txt value={evidence.value} max={1000} />],
        [l.meaning, <Txt value={localizedText(evidence.meaning, language)} max={1000} />],
      ];
    case 'authentication':
      return [
        [l.method, <Txt value={String(evidence.method ?? '').toUpperCase()} />],
        [l.result, <Txt value={evidence.result} />],
        ...(evidence.domain ? ([[l.domain, <Txt value={defangDomain(evidence.domain)} />]] as [string, ReactNode][]) : []),
        ...(evidence.meaning ? ([[l.meaning, <Txt value={localizedText(evidence.meaning, language)} max={1000} />]] as [string, ReactNode][]) : []),
        ...(evidence.detail ? ([[l.note, <Txt value={evidence.detail} max={1000} />]] as [string, ReactNode][]) : []),
      ];
    case 'characters':
      return [
        [l.field, <Txt value={evidence.field} />],
        [l.value, <Txt value={evidence.value} />],
        [l.characters, <Txt value={characters(evidence.characters)} max={2000} />],
      ];
    case 'phrase':
      return [
        [l.field, <Txt value={evidence.field} />],
        [l.phrase, <Txt value={evidence.phrase} />],
        [l.category, <Txt value={evidence.category} />],
        [l.context, <Txt value={evidence.context} max={600} />],
      ];
    case 'link':
      return [
        evidence.attachment !== undefined ? [l.linkInAttachment, <Txt value={evidence.attachment} />] : [l.linkText, <Txt value={evidence.text} />],
        [l.target, <Url value={evidence.href ?? ''} />],
        [l.host, <Txt value={defangDomain(evidence.host ?? '')} />],
        ...(evidence.shownHost ? ([[l.shownHost, <Txt value={defangDomain(evidence.shownHost)} />]] as [string, ReactNode][]) : []),
        [l.reason, <Txt value={localizedText(evidence.reason, language)} max={1000} />],
      ];
    case 'attachment':
      return [
        [l.name, <Txt value={evidence.name} />],
        [l.contentType, <Txt value={evidence.contentType} />],
        [l.reason, <Txt value={localizedText(evidence.reason, language)} max={1000} />],
      ];
    case 'note':
      return [[l.note, <Txt value={localizedText(evidence.text, language)} max={1000} />]];
    default: {
      let json = '';
      try {
        json = JSON.stringify(evidence).slice(0, 2000);
      } catch {
        json = '';
      }
      return [[l.data, <Txt value={json} max={2000} />]];
    }
  }
}

export function EvidenceList({ evidence, t, language }: { evidence: unknown; t: Strings; language: Language }) {
  const list = Array.isArray(evidence) ? (evidence as StoredEvidence[]).filter((e) => e && typeof e === 'object').slice(0, 20) : [];
  if (list.length === 0) return null;
  return (
    <>
      {list.map((item, index) => (
        <dl key={index} data-kind={String(item.kind)} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', margin: '4px 0 8px' }}>
          {rows(item, t.evidenceLabels, language).map(([label, value], row) => (
            <div key={row} style={{ display: 'contents' }}>
              <dt style={{ fontWeight: 600 }}>{label}</dt>
              <dd style={{ margin: 0, wordBreak: 'break-word' }}>{value}</dd>
            </div>
          ))}
        </dl>
      ))}
    </>
  );
}
