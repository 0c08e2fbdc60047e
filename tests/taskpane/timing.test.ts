/** @jest-environment node */
// The pane's User Timing measure (src/taskpane/timing.ts), which npm run bench:pane reads: one measure
// from the item the pane was told of to the painted verdict, for the newest item only.
import { performance as nodePerformance } from 'node:perf_hooks';
import { ITEM_TO_VERDICT, markItemStart, measureVerdictPainted } from '../../src/taskpane/timing';

// Three timer turns, each queued after the last: the animation frame's timer, and the one it queues, run first.
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const frame = async () => {
  for (let turn = 0; turn < 3; turn++) await tick();
};

beforeAll(() => {
  Object.assign(globalThis, { performance: nodePerformance, requestAnimationFrame: (callback: () => void) => setTimeout(callback, 0) });
});
afterEach(() => {
  for (const name of paneMarks()) nodePerformance.clearMarks(name);
  nodePerformance.clearMeasures(ITEM_TO_VERDICT);
});

const paneMarks = () => nodePerformance.getEntriesByType('mark').filter((entry) => entry.name.startsWith('lurelens:')).map((entry) => entry.name);

function measures() {
  return nodePerformance.getEntriesByName(ITEM_TO_VERDICT, 'measure') as PerformanceMeasure[];
}

it('measures from the item to the frame after the verdict, and keeps only the newest measure', async () => {
  markItemStart(1);
  measureVerdictPainted(1);
  await frame();
  markItemStart(2);
  measureVerdictPainted(2);
  await frame();
  expect(measures().map((entry) => (entry.detail as { sequence: number }).sequence)).toEqual([2]);
  expect(measures()[0].duration).toBeGreaterThanOrEqual(0);
  expect(paneMarks()).toEqual([]);
});

it('takes no measure for an item the pane moved on from before its verdict showed', async () => {
  markItemStart(1);
  markItemStart(2);
  measureVerdictPainted(1);
  await frame();
  expect(measures()).toEqual([]);
  expect(paneMarks()).toEqual(['lurelens:item:2']);
});
