// User Timing around the pane's main job: from the moment it is told of an item (its first load, or
// Outlook's ItemChanged) to the first frame that shows the verdict, as the measure
// `lurelens:item-to-verdict` in the browser's performance timeline. npm run bench:pane reads it; in
// Outlook it shows in any browser's developer tools. Only the newest measure is kept, and a browser
// without the User Timing API simply gets none.

export const ITEM_TO_VERDICT = 'lurelens:item-to-verdict';

const startMark = (sequence: number) => `lurelens:item:${sequence}`;

function timeline(): Performance | undefined {
  return typeof performance !== 'undefined' && typeof performance.mark === 'function' && typeof performance.measure === 'function' ? performance : undefined;
}

/** The pane starts on an item; an older item's start, if its verdict never showed, is dropped. */
export function markItemStart(sequence: number): void {
  const perf = timeline();
  if (!perf) return;
  perf.clearMarks(startMark(sequence - 1));
  perf.mark(startMark(sequence));
}

/** Called once the verdict for `sequence` is rendered: measures when the frame showing it was painted. */
export function measureVerdictPainted(sequence: number): void {
  const perf = timeline();
  if (!perf || typeof requestAnimationFrame !== 'function') return;
  // A timer queued from inside the animation frame runs after that frame has been painted.
  requestAnimationFrame(() =>
    setTimeout(() => {
      if (perf.getEntriesByName(startMark(sequence), 'mark').length === 0) return;
      perf.clearMeasures(ITEM_TO_VERDICT);
      try {
        perf.measure(ITEM_TO_VERDICT, { start: startMark(sequence), detail: { sequence } });
      } catch {
        // An older User Timing (no options object): no figure, and nothing else changes.
      }
      perf.clearMarks(startMark(sequence));
    }, 0),
  );
}
