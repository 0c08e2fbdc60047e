// The Report action inside the verdict card: a full-width button, the way to add a note, the
// question before a second report, and what happened to the report.
import { styleSheet, token } from './stylesheet';

export const reportActionClasses = {
  root: 'll-report',
  primary: 'll-report-primary',
  note: 'll-report-note',
  question: 'll-report-question',
  buttons: 'll-report-buttons',
  status: 'll-report-status',
  problem: 'll-report-problem',
} as const;

export const reportActionStyles = styleSheet(
  'report-action',
  `
.ll-report-primary { width: 100%; }
.ll-report-note { margin-top: 4px; }
.ll-report-question { margin: 8px 0 6px; font-weight: ${token('fontWeightSemibold')}; }
.ll-report-question:focus { outline: none; }
.ll-report-buttons { display: flex; flex-wrap: wrap; gap: 8px; }
.ll-report-status p { margin: 8px 0 0; }
.ll-report-status:empty { display: none; }
.ll-report-problem { color: ${token('colorStatusDangerForeground1')}; }
.ll-report form { margin-top: 8px; }
.ll-report fieldset { border: none; margin: 0 0 8px; padding: 0; }
.ll-report legend { padding: 0; margin-bottom: 4px; font-weight: ${token('fontWeightSemibold')}; }
`,
);
