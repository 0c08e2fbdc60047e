// The message as Outlook's reading pane would show it, from the parsed .eml. Everything here came from
// the message and is hostile: it is rendered as React text only. The body shown is the text part; an
// HTML-only message is shown as the text of its HTML (htmlToText), never as HTML.
import { useMemo } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { Language } from '../i18n';
import type { MailAddress, MailMessage } from '../engine/model';
import { bodyTextOf } from './fake-mailbox';
import type { PreviewStrings } from './strings';

/** Characters of body text drawn; a 5 MB body would stall the page for nothing. */
export const MAX_BODY_CHARS = 100_000;
const MAX_LISTED = 50;

const useStyles = makeStyles({
  fields: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '12px', rowGap: '4px', margin: '0 0 12px' },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  subject: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, margin: '0 0 8px', overflowWrap: 'anywhere' },
  body: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    margin: 0,
    padding: '12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    maxHeight: '60vh',
    overflowY: 'auto',
  },
  attachments: { margin: 0, paddingLeft: '18px' },
});

function formatAddress(address: MailAddress): string {
  if (address.name && address.address) return `${address.name} <${address.address}>`;
  return address.name || address.address;
}

function formatList(list: readonly MailAddress[]): string {
  const shown = list.slice(0, MAX_LISTED).map(formatAddress).join('; ');
  return list.length > MAX_LISTED ? `${shown}; … (+${list.length - MAX_LISTED})` : shown;
}

function formatDate(iso: string | undefined, language: Language): string | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(time) + ' JST';
}

/** The text the reading pane shows: the text part, or the text of the HTML when there is none. */
export { bodyTextOf };

export function ReadingPane({ message, t, language, loading }: { message: MailMessage | undefined; t: PreviewStrings; language: Language; loading: boolean }) {
  const styles = useStyles();
  // Converting a large HTML body takes seconds: once per message (and shared with the fake mailbox), not per render.
  const body = useMemo(() => (message ? bodyTextOf(message) : ''), [message]);
  const date = formatDate(message?.date, language);
  const files = message?.attachments.filter((attachment) => !attachment.inline) ?? [];
  return (
    <section aria-labelledby="preview-reading-heading" data-testid="reading-pane" aria-busy={loading}>
      <h2 id="preview-reading-heading">{t.readingPaneHeading}</h2>
      {!message && <p>{loading ? t.loadingMessage : t.readingPaneEmpty}</p>}
      {message && (
        <article aria-label={t.readingPaneHeading}>
          <h3 className={styles.subject} data-testid="reading-subject">
            {message.subject || t.noSubject}
          </h3>
          <dl className={styles.fields}>
            <dt className={styles.term}>{t.from}</dt>
            <dd className={styles.value} data-testid="reading-from">
              {message.from ? formatAddress(message.from) : ''}
              {message.sender ? ` (${t.onBehalfOf}: ${formatAddress(message.sender)})` : ''}
            </dd>
            <dt className={styles.term}>{t.to}</dt>
            <dd className={styles.value}>{formatList(message.to)}</dd>
            {message.cc.length > 0 && (
              <>
                <dt className={styles.term}>{t.cc}</dt>
                <dd className={styles.value}>{formatList(message.cc)}</dd>
              </>
            )}
            {date && (
              <>
                <dt className={styles.term}>{t.date}</dt>
                <dd className={styles.value}>{date}</dd>
              </>
            )}
            {files.length > 0 && (
              <>
                <dt className={styles.term}>{t.attachments}</dt>
                <dd className={styles.value}>
                  <ul className={styles.attachments} data-testid="reading-attachments">
                    {files.slice(0, MAX_LISTED).map((attachment, index) => (
                      <li key={index}>
                        {attachment.name || attachment.contentType} ({t.bytes(attachment.size)})
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
          <h4 style={{ margin: '0 0 4px' }}>{t.bodyLabel}</h4>
          <pre className={styles.body} data-testid="reading-body" tabIndex={0}>
            {body.length > MAX_BODY_CHARS ? body.slice(0, MAX_BODY_CHARS) : body}
          </pre>
          {body.length > MAX_BODY_CHARS && <p>{t.bodyTruncated(MAX_BODY_CHARS, body.length)}</p>}
        </article>
      )}
    </section>
  );
}
