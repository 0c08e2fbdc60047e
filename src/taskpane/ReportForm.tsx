// The report form's controls: reasons to tick, an optional comment, Send and Cancel. Only needed once
// the user chooses to report, so ReportAction.tsx loads this file (and the Fluent Checkbox, Field and
// Textarea it brings, with the theme tokens they use) as a separate script instead of in the pane's
// first load.
import { Checkbox, Field, Textarea, useFocusVisible } from '@fluentui/react-components';
import type { RefObject } from 'react';
import type { Language, ReportReason, Strings } from '../i18n';
import { detailStringsFor } from '../i18n/details';
import { PaneButton } from './components/PaneButton';
import { themeTokenStyles } from './components/PaneTheme.styles';
import { useStyleSheets, type StyleSheet } from './components/stylesheet';
import { webDarkTheme, webLightTheme } from './form-themes';

export const COMMENT_LIMIT = 2000;

// Fluent's controls use tokens the first screen's styles do not (components/PaneTheme.tsx writes only
// those): the form adds every token of both themes to the pane's root, whichever theme it shows. Written
// when the form first opens, not when its script arrives (right after the first verdict).
let formTokens: StyleSheet[] | undefined;

export interface ReportFormProps {
  t: Strings;
  language: Language;
  reasons: readonly ReportReason[];
  allReasons: readonly ReportReason[];
  comment: string;
  sending: boolean;
  onToggle: (reason: ReportReason, checked: boolean) => void;
  onComment: (comment: string) => void;
  onSend: () => void;
  onCancel: () => void;
}

export function ReportForm({ t, language, reasons, allReasons, comment, sending, onToggle, onComment, onSend, onCancel }: ReportFormProps) {
  const d = detailStringsFor(language);
  useStyleSheets(...(formTokens ??= [themeTokenStyles('light', webLightTheme, 'all'), themeTokenStyles('dark', webDarkTheme, 'all')]));
  // Fluent's controls show their focus outline only while the keyboard moves focus, as FluentProvider's
  // tracker tells them; the pane has no FluentProvider (components/PaneTheme.tsx), so the form starts it.
  const focusScope = useFocusVisible<HTMLFormElement>({ targetDocument: document });
  return (
    <form
      ref={focusScope as RefObject<HTMLFormElement>}
      onSubmit={(event) => {
        event.preventDefault();
        onSend();
      }}
    >
      <fieldset>
        <legend>{d.reportReasonsLegend}</legend>
        {allReasons.map((reason) => (
          <div key={reason}>
            <Checkbox label={d.reportReason[reason]} checked={reasons.includes(reason)} onChange={(_, data) => onToggle(reason, data.checked === true)} />
          </div>
        ))}
      </fieldset>
      <Field label={d.reportComment} hint={d.reportCommentHint}>
        <Textarea value={comment} maxLength={COMMENT_LIMIT} onChange={(_, data) => onComment(data.value.slice(0, COMMENT_LIMIT))} />
      </Field>
      <div className="ll-actions">
        <PaneButton appearance="primary" type="submit" disabled={sending}>
          {d.reportSend}
        </PaneButton>
        <PaneButton type="button" onClick={onCancel} disabled={sending}>
          {t.reportCancel}
        </PaneButton>
      </div>
    </form>
  );
}
