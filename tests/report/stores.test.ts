/**
 * @jest-environment jsdom
 */
// The outbox over a real browser localStorage (jsdom's, with its ~5 MB quota).
import { Outbox } from '../../src/report/outbox';
import { buildReportSubmission } from '../../src/report/payload';
import { defaultStore, officeRuntimeStore, webStorageStore, type OfficeRuntimeStorage } from '../../src/report/stores';
import { fakeItem } from './support';

async function reportWithEml(bytes: number) {
  const eml = Buffer.from(new Uint8Array(bytes).fill(0x41)).toString('base64');
  return buildReportSubmission({ item: fakeItem({ eml }), reporter: { address: 'k.watanabe@example.or.jp' }, request: { reasons: [] } });
}

describe('outbox storage in the browser', () => {
  beforeEach(() => window.localStorage.clear());

  it('uses localStorage in a browser without OfficeRuntime, and entries survive a new Outbox', async () => {
    const { store, persistent } = defaultStore();
    expect(persistent).toBe(true);
    const report = await reportWithEml(1000);
    expect(await new Outbox(store).put(report)).toEqual({ kept: true, emlKept: true });
    const again = await new Outbox(webStorageStore(window.localStorage)).list();
    expect(again.map((entry) => entry.submission.eml)).toEqual([report.submission.eml]);
  });

  it('when the quota refuses the .eml, keeps the report’s metadata so it can be re-fetched', async () => {
    const outbox = new Outbox(webStorageStore(window.localStorage), { maxInlineEmlChars: 50_000_000 });
    const filler = 'x'.repeat(4_000_000);
    window.localStorage.setItem('someone-else', filler);
    const report = await reportWithEml(1_500_000);
    expect(await outbox.put(report)).toEqual({ kept: true, emlKept: false });
    const [entry] = await outbox.list();
    expect(entry.submission.eml).toBeUndefined();
    expect(entry).toMatchObject({ key: report.submission.key, itemId: 'AAMkAGI2TG93AAA=', restId: 'AAMkAGI2TG93AAA-' });
  });

  it('prefers OfficeRuntime.storage, which the Report button’s runtime shares', async () => {
    const map = new Map<string, string>();
    const storage: OfficeRuntimeStorage = {
      getItem: async (key) => map.get(key) ?? null,
      setItem: async (key, value) => void map.set(key, value),
      removeItem: async (key) => void map.delete(key),
      getKeys: async () => [...map.keys()],
    };
    (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime = { storage };
    try {
      const { store } = defaultStore();
      await new Outbox(store).put(await reportWithEml(10));
      expect([...map.keys()]).toHaveLength(1);
      expect(window.localStorage.length).toBe(0);
      expect(await new Outbox(officeRuntimeStore(storage)).list()).toHaveLength(1);
    } finally {
      delete (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime;
    }
  });
});
