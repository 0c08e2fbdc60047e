// The only ways message-derived text reaches the console's screen: React text nodes, with
// invisible and reordering characters made visible (⟨U+202E⟩), URLs defanged (hxxp, [.]), long
// values cut with the whole value in the title. Never markup, never a link, never an image.
import { truncate, visible } from '../taskpane/visible';
import { defangAddress, defangText, defangUrl } from './defang';

/** UTF-16 units read beyond `max`: enough for the 4000-unit title and for markers such as ⟨U+202E⟩. */
export const TXT_LOOKAHEAD = 4000;

/**
 * The start of `text` for display: at most `limit` UTF-16 units, cut on a code-point boundary. Only
 * this part is defanged and made visible, so an 18-million-character subject costs what a short one does.
 */
export function headOf(text: string, limit: number): { head: string; cut: boolean } {
  if (text.length <= limit) return { head: text, cut: false };
  let end = limit;
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return { head: text.slice(0, end), cut: true };
}

/** What Txt shows for a value: at most `max` code points (ending in "…" when cut) and the title when cut. */
export function displayText(text: string, max: number): { shown: string; truncated: boolean; title?: string } {
  const { head, cut } = headOf(text, max + TXT_LOOKAHEAD);
  // Defanging and markers only lengthen text, so the first `max` code points and the title come
  // from the head alone and are what the whole value would have given.
  const full = visible(defangText(head));
  let { shown, truncated } = truncate(full, max);
  if (cut && !truncated) {
    // Only reachable with a very large max: the value was cut, so say so.
    shown = Array.from(full).slice(0, Math.max(1, max - 1)).join('') + '…';
    truncated = true;
  }
  return { shown, truncated, title: truncated ? full.slice(0, 4000) : undefined };
}

export function Txt({ value, max = 300, className }: { value: unknown; max?: number; className?: string }) {
  const text = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const { shown, truncated, title } = displayText(text, max);
  return (
    <span className={className} title={truncated ? title : undefined} style={{ overflowWrap: 'anywhere' }}>
      {shown}
    </span>
  );
}

/** A URL from the message: defanged, made visible, never clickable. */
export function Url({ value, max = 300 }: { value: string; max?: number }) {
  return (
    <code style={{ wordBreak: 'break-all' }}>
      <Txt value={defangUrl(value)} max={max} />
    </code>
  );
}

export interface AddressLike {
  address?: string;
  name?: string;
}

/**
 * "user@evil[.]example — Display Name" as text: the real address first, so an attacker's long
 * display name ("IT Desk <it@your-company.example> …") can never push it out of sight.
 */
export function addressText(value: AddressLike | undefined): string {
  if (!value) return '';
  const address = defangAddress(value.address ?? '');
  return value.name ? `${address} — ${value.name}` : address;
}

/** An address as the console shows it: the address whole and in bold, then the display name, cut when long. */
export function AddressView({ value, nameMax = 80 }: { value: AddressLike | undefined; nameMax?: number }) {
  if (!value) return <span>—</span>;
  return (
    <span data-testid="address">
      <strong style={{ overflowWrap: 'anywhere' }}>
        <Txt value={defangAddress(value.address ?? '')} max={400} />
      </strong>
      {value.name ? (
        <>
          {' — '}
          <Txt value={value.name} max={nameMax} />
        </>
      ) : null}
    </span>
  );
}

export function Addresses({ values, max = 20 }: { values: AddressLike[] | undefined; max?: number }) {
  const list = values ?? [];
  if (list.length === 0) return <span>—</span>;
  return (
    <span>
      {list.slice(0, max).map((value, index) => (
        <span key={index}>
          {index > 0 ? ', ' : ''}
          <AddressView value={value} nameMax={120} />
        </span>
      ))}
      {list.length > max ? ` (+${list.length - max})` : ''}
    </span>
  );
}

/** Multi-line message text in a <pre>: text nodes only, URLs defanged, hidden characters shown. */
export function PlainText({ value, testId, label }: { value: string; testId?: string; label: string }) {
  return (
    <pre data-testid={testId} aria-label={label} tabIndex={0} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', maxHeight: '32rem', overflow: 'auto', padding: '8px', border: '1px solid #c8c8c8', borderRadius: '4px', margin: 0 }}>
      {visible(defangText(value), { keepLineBreaks: true })}
    </pre>
  );
}

export function formatDate(value: string | undefined, language: 'en' | 'ja'): string {
  if (!value) return '—';
  const time = Date.parse(value);
  if (!Number.isFinite(time)) return value;
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(time));
}

export function formatSize(bytes: number | undefined, language: 'en' | 'ja'): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return '—';
  const locale = language === 'ja' ? 'ja-JP' : 'en-GB';
  if (bytes < 1024) return `${bytes.toLocaleString(locale)} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
