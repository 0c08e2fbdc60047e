// Function file for Outlook's integrated Report button (spam-reporting extension point).
// Runs in classic Outlook's JavaScript-only runtime too: no DOM at module top level, no dynamic imports.

/** Handles the Report button. Every path ends in exactly one `event.completed(...)`. */
export function onSpamReport(event: Office.AddinCommands.Event): void {
  event.completed();
}

if (typeof Office !== 'undefined' && Office.actions) {
  Office.actions.associate('onSpamReport', onSpamReport);
}
