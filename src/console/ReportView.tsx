// One report for triage: summary, headers, authentication, findings, attachments, links (defanged),
// indicators, the body as text, raw headers; disposition with feedback for the reporter and an
// internal note; .eml and ARF downloads. Everything from the message is a text node.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Field, Link, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea } from '@fluentui/react-components';
import { visible } from '../taskpane/visible';
import { DISPOSITIONS, downloads, type AuthenticationSummary, type Disposition, type FindingData, type HeaderSummary, type ReportContent, type ReportDetail, type TriageUpdate } from './api';
import { DispositionLabel, DownloadButton, ErrorBar, Loading, Section, useLoad, VerdictLabel, type PageProps } from './common';
import { readDraft, writeDraft, type DraftStorage } from './drafts';
import { defangDomain, defangIndicator, defangText } from './defang';
import { EvidenceList } from './Evidence';
import { SenderHistory } from './SenderHistory';
import { campaignHref, formatRoute, type Route } from './routing';
import { localizedText, type Strings } from './strings';
import { Facts } from './components/tables';
import { Addresses, AddressView, formatDate, formatSize, PlainText, Txt, Url } from './Text';

/** Page headings hold attacker-chosen subjects: wrap anywhere, a readable line height, never overlap what follows. */
export const HEADING = { fontSize: '22px', lineHeight: 1.3, margin: '0 0 8px', overflowWrap: 'anywhere', wordBreak: 'break-word', maxWidth: '100%' } as const;

function HeaderFacts({ headers, t, language }: { headers: HeaderSummary; t: Strings; language: 'en' | 'ja' }) {
  return (
    <Facts
      items={[
        [t.from, <Addresses values={headers.from ? [headers.from] : []} />],
        [t.senderHeader, <Addresses values={headers.sender ? [headers.sender] : []} />],
        [t.replyTo, <Addresses values={headers.replyTo} />],
        [t.returnPath, headers.returnPath ? <Txt value={headers.returnPath} /> : '—'],
        [t.to, <Addresses values={headers.to} />],
        [t.cc, <Addresses values={headers.cc} />],
        [t.messageId, headers.messageId ? <Txt value={headers.messageId} /> : '—'],
        [t.date, formatDate(headers.date, language)],
        [t.arrivalDate, formatDate(headers.arrivalDate, language)],
        [t.hops, String(headers.receivedHops)],
        [t.sourceIp, headers.sourceIp ? <Txt value={headers.sourceIp} /> : '—'],
      ]}
    />
  );
}

function authRows(auth: AuthenticationSummary | undefined): [string, string, string][] {
  if (!auth || typeof auth !== 'object') return [];
  const rows: [string, string, string][] = [];
  if (auth.spf) rows.push(['SPF', auth.spf.result, [auth.spf.mailfrom && `smtp.mailfrom=${auth.spf.mailfrom}`, auth.spf.helo && `helo=${auth.spf.helo}`].filter(Boolean).join(' ')]);
  for (const dkim of (auth.dkim ?? []).slice(0, 20)) {
    rows.push(['DKIM', dkim.result, [dkim.domain && `d=${defangDomain(dkim.domain)}`, dkim.selector && `s=${dkim.selector}`].filter(Boolean).join(' ')]);
  }
  if (auth.dmarc) {
    const d = auth.dmarc;
    rows.push(['DMARC', d.result, [d.headerFrom && `header.from=${defangDomain(d.headerFrom)}`, d.action && `action=${d.action}`, d.policy && `p=${d.policy}`].filter(Boolean).join(' ')]);
  }
  if (auth.compauth) rows.push(['compauth', auth.compauth.result, auth.compauth.reason ? `reason=${auth.compauth.reason}` : '']);
  if (auth.arc) rows.push(['ARC', auth.arc.result, '']);
  const ms = auth.microsoft;
  if (ms && Object.values(ms).some((v) => v !== undefined)) {
    rows.push([
      'Microsoft 365',
      ms.category ?? '',
      [ms.spamVerdict && `SFV=${ms.spamVerdict}`, ms.scl !== undefined && `SCL=${ms.scl}`, ms.safety && `SFTY=${ms.safety}`, ms.authAs && `AuthAs=${ms.authAs}`].filter(Boolean).join(' '),
    ]);
  }
  return rows;
}

function Authentication({ auth, t }: { auth: unknown; t: Strings }) {
  const rows = authRows(auth as AuthenticationSummary | undefined);
  if (rows.length === 0) return <p>{t.noAuthentication}</p>;
  return (
    <Table size="small" aria-label={t.authentication} data-testid="authentication">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t.method}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.result}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.detail}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(([method, result, detail], index) => (
          <TableRow key={index} data-method={method.toLowerCase()}>
            <TableCell>{method}</TableCell>
            <TableCell>
              <Txt value={result} max={40} />
            </TableCell>
            <TableCell>
              <Txt value={detail} max={400} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Findings({ findings, t, language }: { findings: unknown[]; t: Strings; language: 'en' | 'ja' }) {
  const list = findings.filter((f): f is FindingData => Boolean(f) && typeof f === 'object').slice(0, 100);
  if (list.length === 0) return <p>{t.noFindings}</p>;
  return (
    <ol data-testid="findings" style={{ paddingLeft: '20px', margin: 0 }}>
      {list.map((finding, index) => (
        <li key={index} data-rule={String(finding.rule ?? '')} data-severity={String(finding.severity ?? '')} style={{ marginBottom: '12px' }}>
          <h3 style={{ fontSize: '15px', margin: '0 0 2px' }}>
            <Txt value={localizedText(finding.title, language)} />
          </h3>
          <p style={{ margin: '0 0 4px' }}>
            {t.rule}: <code>{visible(String(finding.rule ?? ''))}</code> · {t.severity}: {t.severityNames[finding.severity as 'low'] ?? visible(String(finding.severity ?? ''))}
            {finding.technique ? ` · ATT&CK ${visible(String(finding.technique))}` : ''}
          </p>
          {finding.explanation !== undefined && (
            <p style={{ margin: '0 0 4px' }}>
              <Txt value={localizedText(finding.explanation, language)} max={1000} />
            </p>
          )}
          <EvidenceList evidence={finding.evidence} t={t} language={language} />
        </li>
      ))}
    </ol>
  );
}

function Attachments({ headers, t, language }: { headers: HeaderSummary | undefined; t: Strings; language: 'en' | 'ja' }) {
  const list = headers?.attachments ?? [];
  if (list.length === 0) return <p>{t.noAttachments}</p>;
  return (
    <Table size="small" aria-label={t.attachments} data-testid="attachments">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t.fileName}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.contentType}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.size}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.inline}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.sha256}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {list.slice(0, 200).map((attachment, index) => (
          <TableRow key={index}>
            <TableCell>
              <Txt value={attachment.name} max={120} />
            </TableCell>
            <TableCell>
              <Txt value={attachment.contentType} max={80} />
            </TableCell>
            <TableCell>{formatSize(attachment.size, language)}</TableCell>
            <TableCell>{attachment.inline ? t.yes : t.no}</TableCell>
            <TableCell>
              <code style={{ wordBreak: 'break-all' }}>{attachment.sha256 ?? '—'}</code>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Links({ content, t }: { content: ReportContent; t: Strings }) {
  if (content.links.length === 0) return <p>{t.noLinks}</p>;
  return (
    <>
      <p>
        {t.linksNote} {content.linkCount > content.links.length ? t.listedOf(content.links.length, content.linkCount) : ''}
      </p>
      <Table size="small" aria-label={t.links} data-testid="links">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t.linkShownText}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.linkTarget}</TableHeaderCell>
            <TableHeaderCell scope="col">{t.linkSource}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {content.links.map((link, index) => (
            <TableRow key={index} data-testid="link-row">
              <TableCell>
                <Txt value={link.text} max={200} />
              </TableCell>
              <TableCell data-testid="link-target">
                <Url value={link.href} />
              </TableCell>
              <TableCell>{link.source === 'html' ? 'HTML' : 'text'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}

export function IndicatorTable({ indicators, t, language, withOccurrences = false }: { indicators: { type: string; value: string; name?: string; firstSeen?: string; lastSeen?: string; reports?: number }[]; t: Strings; language: 'en' | 'ja'; withOccurrences?: boolean }) {
  if (indicators.length === 0) return <p>{t.noIndicators}</p>;
  return (
    <Table size="small" aria-label={t.indicators} data-testid="indicators">
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t.indicatorType}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.indicatorValue}</TableHeaderCell>
          <TableHeaderCell scope="col">{t.indicatorName}</TableHeaderCell>
          {withOccurrences && <TableHeaderCell scope="col">{t.firstSeen}</TableHeaderCell>}
          {withOccurrences && <TableHeaderCell scope="col">{t.lastSeen}</TableHeaderCell>}
          {withOccurrences && <TableHeaderCell scope="col">{t.reportsCount}</TableHeaderCell>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {indicators.slice(0, 1000).map((indicator, index) => (
          <TableRow key={index} data-testid="indicator-row" data-type={indicator.type}>
            <TableCell>{Object.hasOwn(t.indicatorTypes, indicator.type) ? t.indicatorTypes[indicator.type] : visible(indicator.type)}</TableCell>
            <TableCell>
              <code style={{ wordBreak: 'break-all' }}>
                <Txt value={defangIndicator(indicator.type, indicator.value)} max={300} />
              </code>
            </TableCell>
            <TableCell>{indicator.name ? <Txt value={indicator.name} max={120} /> : ''}</TableCell>
            {withOccurrences && <TableCell>{formatDate(indicator.firstSeen, language)}</TableCell>}
            {withOccurrences && <TableCell>{formatDate(indicator.lastSeen, language)}</TableCell>}
            {withOccurrences && <TableCell>{indicator.reports ?? ''}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function DispositionButtons({ current, onChoose, busy, t, label }: { current?: Disposition; onChoose: (d: Disposition) => void; busy: boolean; t: Strings; label: string }) {
  return (
    <div role="group" aria-label={label} data-testid="disposition-control" style={{ display: 'flex', flexWrap: 'wrap', gap: '8px' }}>
      {DISPOSITIONS.map((disposition) => (
        <Button
          key={disposition}
          data-testid={`disposition-${disposition}`}
          appearance={current === disposition ? 'primary' : 'secondary'}
          aria-pressed={current === disposition}
          disabled={busy}
          onClick={() => onChoose(disposition)}
        >
          {t.dispositionNames[disposition]}
        </Button>
      ))}
    </div>
  );
}

function Triage({ report, t, language, save, drafts, onNext }: { report: ReportDetail; t: Strings; language: 'en' | 'ja'; save: (update: TriageUpdate) => Promise<ReportDetail>; drafts?: DraftStorage; onNext: () => Promise<boolean> }) {
  const serverFeedback = report.feedback ?? '';
  const serverNote = report.note ?? '';
  // A draft left by an earlier visit (the session ended before it was saved) wins over the saved text.
  const [initial] = useState(() => readDraft(drafts, report.id));
  const [feedback, setFeedback] = useState(initial?.feedback ?? serverFeedback);
  const [note, setNote] = useState(initial?.note ?? serverNote);
  const [restored, setRestored] = useState(() => (initial?.feedback ?? serverFeedback) !== serverFeedback || (initial?.note ?? serverNote) !== serverNote);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'saved' } | { kind: 'saved-all' } | { kind: 'nothing' } | { kind: 'no-next' } | { kind: 'error'; error: unknown }>();
  const [decided, setDecided] = useState(false);
  // The saved values the form last saw: a field the analyst has not touched follows the service,
  // a field with unsaved text keeps it (a disposition click must not wipe a half-typed draft).
  const base = useRef({ feedback: serverFeedback, note: serverNote });
  useEffect(() => {
    const previous = base.current;
    if (previous.feedback === serverFeedback && previous.note === serverNote) return;
    base.current = { feedback: serverFeedback, note: serverNote };
    setFeedback((current) => (current === previous.feedback ? serverFeedback : current));
    setNote((current) => (current === previous.note ? serverNote : current));
  }, [serverFeedback, serverNote]);
  useEffect(() => {
    writeDraft(drafts, report.id, {
      feedback: feedback !== serverFeedback ? feedback : undefined,
      note: note !== serverNote ? note : undefined,
    });
  }, [drafts, report.id, feedback, note, serverFeedback, serverNote]);

  const run = async (update: TriageUpdate) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const saved = await save(update);
      // The draft forgets the sent fields now, not in the effect after the next paint: "Saved."
      // must never show while the storage still holds the text as unsaved.
      writeDraft(drafts, report.id, {
        feedback: update.feedback === undefined && feedback !== serverFeedback ? feedback : undefined,
        note: update.note === undefined && note !== serverNote ? note : undefined,
      });
      // What the service stored is now the text of the fields that were sent.
      if (update.feedback !== undefined) setFeedback(saved.feedback ?? '');
      if (update.note !== undefined) setNote(saved.note ?? '');
      if (update.feedback !== undefined || update.note !== undefined) setRestored(false);
      setOutcome({ kind: update.disposition !== undefined && (update.feedback !== undefined || update.note !== undefined) ? 'saved-all' : 'saved' });
      if (update.disposition !== undefined) setDecided(true);
    } catch (error) {
      setOutcome({ kind: 'error', error });
    } finally {
      setBusy(false);
    }
  };
  /** Only what the analyst changed: an unchanged field never overwrites a colleague's newer text. */
  const changedText = (): TriageUpdate => {
    const update: TriageUpdate = {};
    if (feedback !== serverFeedback) update.feedback = feedback;
    if (note !== serverNote) update.note = note;
    return update;
  };
  const saveNotes = () => {
    const update = changedText();
    if (update.feedback === undefined && update.note === undefined) setOutcome({ kind: 'nothing' });
    else void run(update);
  };
  // A disposition click saves what was typed with it: "Saved." never hides feedback left unsent.
  const choose = (disposition: Disposition) => void run({ disposition, ...changedText() });
  const next = async () => {
    if (!(await onNext())) setOutcome({ kind: 'no-next' });
  };
  return (
    <Section title={t.triage} testId="triage">
      <p style={{ margin: '0 0 8px' }}>
        {t.disposition}: <strong data-testid="current-disposition"><DispositionLabel disposition={report.disposition} t={t} /></strong>
        {report.triagedAt ? ` — ${t.triagedBy(visible(report.triagedBy ?? '?'), formatDate(report.triagedAt, language))}` : ''}
      </p>
      <DispositionButtons current={report.disposition} busy={busy} t={t} label={t.setDisposition} onChoose={choose} />
      {restored && (
        <MessageBar intent="info" data-testid="draft-restored" style={{ marginTop: '12px' }}>
          <MessageBarBody>{t.draftRestored}</MessageBarBody>
        </MessageBar>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: '12px', marginTop: '12px' }}>
        <Field label={t.feedbackLabel} hint={t.feedbackHint}>
          <Textarea data-testid="feedback-input" value={feedback} maxLength={4000} resize="vertical" onChange={(_, data) => setFeedback(data.value)} />
        </Field>
        <Field label={t.noteLabel} hint={t.noteHint}>
          <Textarea data-testid="note-input" value={note} maxLength={10000} resize="vertical" onChange={(_, data) => setNote(data.value)} />
        </Field>
      </div>
      <div style={{ marginTop: '8px', display: 'flex', gap: '12px', alignItems: 'center' }}>
        <Button data-testid="save-notes" disabled={busy} onClick={saveNotes}>
          {t.saveNotes}
        </Button>
        <span role="status" aria-live="polite" data-testid="triage-status">
          {busy
            ? t.saving
            : outcome?.kind === 'saved'
              ? t.saved
              : outcome?.kind === 'saved-all'
                ? t.work.savedWithDrafts
                : outcome?.kind === 'nothing'
                  ? t.nothingToSave
                  : outcome?.kind === 'no-next'
                    ? t.work.noNextReport
                    : ''}
        </span>
        <Button data-testid="next-report" appearance={decided ? 'primary' : 'secondary'} disabled={busy} onClick={() => void next()}>
          {t.work.nextReport}
        </Button>
      </div>
      {outcome?.kind === 'error' && <ErrorBar error={outcome.error} t={t} />}
    </Section>
  );
}

export function ReportView({ api, t, language, id, drafts, navigate }: PageProps & { id: string; drafts?: DraftStorage; navigate: (route: Route) => void }) {
  const [detail, retry, replace] = useLoad(() => api.getReport(id), id);
  const [content, retryContent] = useLoad(() => api.getContent(id), id);

  if (detail.state === 'loading') return <Loading t={t} />;
  if (detail.state === 'error') return <ErrorBar error={detail.error} t={t} onRetry={retry} />;
  const report = detail.data;
  const headers = report.headers;
  const save = async (update: TriageUpdate) => {
    const updated = await api.triageReport(report.id, update);
    replace(updated);
    return updated;
  };
  /** The newest pending report other than this one, as the inbox lists it. */
  const openNext = async () => {
    const pending = await api.listReports({ disposition: 'pending', limit: 2 });
    const next = pending.items.find((item) => item.id !== report.id);
    if (next) navigate({ kind: 'report', id: next.id });
    return Boolean(next);
  };

  return (
    <article data-testid="report-detail" data-report-id={report.id}>
      <p style={{ margin: '0 0 8px' }}>
        <Link href={formatRoute({ kind: 'reports', query: {} })}>{t.backToReports}</Link>
      </p>
      <h1 style={HEADING} data-testid="report-subject">
        <Txt value={report.subject || t.noSubject} max={300} />
      </h1>
      {report.analysis.incomplete && (
        <MessageBar intent="warning" data-testid="analysis-incomplete" style={{ marginBottom: '8px' }}>
          <MessageBarBody>
            <strong>{t.work.incompleteTitle}</strong>{' '}
            {t.work.incompleteReasons[report.analysis.incomplete.reason] ?? <Txt value={report.analysis.incomplete.message} max={300} />}
          </MessageBarBody>
        </MessageBar>
      )}
      <Section title={t.reportSummary}>
        <Facts
          items={[
            [t.serviceVerdict, <span><VerdictLabel verdict={report.verdict} t={t} testId="verdict" incomplete={report.incomplete} /> {report.score !== undefined ? `${t.score} ${report.score}` : ''}</span>],
            [t.clientVerdict, <VerdictLabel verdict={report.clientVerdict} t={t} />],
            [t.received, formatDate(report.receivedAt, language)],
            [
              t.reporter,
              <span>
                <AddressView value={report.reporter} />
                {!report.reporter.verified && (
                  <span data-testid="reporter-unverified" title={t.unverifiedReporterHint}>
                    {' '}({t.unverifiedReporter})
                  </span>
                )}
              </span>,
            ],
            [t.reasons, <Txt value={report.reasons.join(', ') || '—'} />],
            ...(report.comment ? ([[t.comment, <Txt value={report.comment} max={4000} />]] as [string, ReactNode][]) : []),
            [t.campaign, <Link href={campaignHref(report.campaignId)} data-testid="campaign-link"><Txt value={t.work.campaignOf(report.campaign.title || report.campaignId, report.campaign.reportCount)} max={200} /></Link>],
            [t.rawSize, formatSize(report.raw.size, language)],
            [t.rawSha256, <code style={{ wordBreak: 'break-all' }}>{report.raw.sha256}</code>],
          ]}
        />
        {report.analysis.error && <ErrorBar error={new Error(report.analysis.error)} t={t} title={t.parseError} />}
      </Section>
      <Triage report={report} t={t} language={language} save={save} drafts={drafts} onNext={openNext} />
      <Section title={t.downloads}>
        <div style={{ display: 'flex', gap: '12px', flexWrap: 'wrap' }}>
          <DownloadButton api={api} {...nameOf(downloads.eml(report.id))} label={t.downloadEml} t={t} testId="download-eml" />
          <DownloadButton api={api} {...nameOf(downloads.arf(report.id))} label={t.downloadArf} t={t} testId="download-arf" />
        </div>
      </Section>
      {headers && (
        <Section title={t.headerSummary} testId="header-summary">
          <HeaderFacts headers={headers} t={t} language={language} />
        </Section>
      )}
      <Section title={t.authentication}>
        <Authentication auth={headers?.authentication} t={t} />
      </Section>
      {report.senderHistory && (
        <Section title={t.senderHistory.title} testId="sender-history-section">
          <SenderHistory history={report.senderHistory} t={t} language={language} />
        </Section>
      )}
      <Section title={t.findings}>
        <Findings findings={report.analysis.findings} t={t} language={language} />
      </Section>
      {report.analysis.notChecked.length > 0 && (
        <Section title={t.notChecked}>
          <ul>
            {(report.analysis.notChecked as { rule?: string; title?: unknown; missing?: string }[]).slice(0, 50).map((item, index) => (
              <li key={index}>
                <Txt value={localizedText(item.title, language) || item.rule} /> ({t.missingPart}: <Txt value={item.missing} />)
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title={t.attachments}>
        <Attachments headers={headers} t={t} language={language} />
      </Section>
      <Section title={t.links}>
        {content.state === 'loading' && <Loading t={t} />}
        {content.state === 'error' && <ErrorBar error={content.error} t={t} onRetry={retryContent} />}
        {content.state === 'ready' && <Links content={content.data} t={t} />}
      </Section>
      <Section title={t.indicators}>
        <IndicatorTable indicators={report.indicators} t={t} language={language} />
      </Section>
      <Section title={t.body}>
        {content.state === 'loading' && <Loading t={t} />}
        {content.state === 'error' && <ErrorBar error={content.error} t={t} onRetry={retryContent} />}
        {content.state === 'ready' && (
          <>
            <p style={{ margin: '0 0 6px' }}>
              {t.bodyNote} {content.data.hasHtml ? t.bodyFromHtml : ''}
            </p>
            {content.data.textTruncated && <p>{t.bodyTruncated(content.data.text.length, content.data.textLength)}</p>}
            <PlainText value={content.data.text || t.emptyBody} testId="message-body" label={t.body} />
          </>
        )}
      </Section>
      <Section title={t.rawHeaders}>
        {content.state === 'ready' && (
          <>
            {content.data.headerCount > content.data.headers.length && <p>{t.listedOf(content.data.headers.length, content.data.headerCount)}</p>}
            <pre data-testid="raw-headers" aria-label={t.rawHeaders} tabIndex={0} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: '24rem', overflow: 'auto', padding: '8px', border: '1px solid #c8c8c8', borderRadius: '4px', margin: 0 }}>
              {content.data.headers.map((field) => `${visible(field.name)}: ${visible(defangText(field.value))}`).join('\n')}
            </pre>
          </>
        )}
        {content.state === 'loading' && <Loading t={t} />}
      </Section>
    </article>
  );
}

function nameOf(download: { path: string; name: string }) {
  return { path: download.path, name: download.name };
}
