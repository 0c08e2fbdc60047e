// Unsaved triage drafts (feedback for the reporter, internal note) per report id, kept in the
// session's storage so that text typed before the session ended (a 401 signs the analyst out) is
// still there when the report is opened again after signing back in. One key holds every draft;
// an entry is removed once its fields are saved. Storage failures only lose the draft.
export const DRAFTS_KEY = 'lurelens.console.drafts';
/** Bounds what a tab keeps: the oldest drafts go first. */
const MAX_DRAFTS = 50;
const MAX_FIELD = 10_000;

export interface Draft {
  feedback?: string;
  note?: string;
}

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function field(value: unknown): string | undefined {
  return typeof value === 'string' ? value.slice(0, MAX_FIELD) : undefined;
}

function readAll(storage: DraftStorage | undefined): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage?.getItem(DRAFTS_KEY) ?? '[]');
  } catch {
    return drafts;
  }
  if (!Array.isArray(parsed)) return drafts;
  for (const entry of parsed.slice(-MAX_DRAFTS)) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !entry[1] || typeof entry[1] !== 'object') continue;
    const value = entry[1] as Record<string, unknown>;
    const draft: Draft = {};
    if (field(value.feedback) !== undefined) draft.feedback = field(value.feedback);
    if (field(value.note) !== undefined) draft.note = field(value.note);
    if (draft.feedback !== undefined || draft.note !== undefined) drafts.set(entry[0], draft);
  }
  return drafts;
}

function writeAll(storage: DraftStorage | undefined, drafts: Map<string, Draft>): void {
  try {
    if (drafts.size === 0) storage?.removeItem(DRAFTS_KEY);
    else storage?.setItem(DRAFTS_KEY, JSON.stringify([...drafts].slice(-MAX_DRAFTS)));
  } catch {
    // Storage full or blocked: the draft lives in the form only.
  }
}

export function readDraft(storage: DraftStorage | undefined, id: string): Draft | undefined {
  return readAll(storage).get(id);
}

/** Stores the fields that differ from the saved report; a draft with none is removed. */
export function writeDraft(storage: DraftStorage | undefined, id: string, draft: Draft): void {
  if (!storage) return;
  const drafts = readAll(storage);
  const existing = drafts.get(id);
  const empty = draft.feedback === undefined && draft.note === undefined;
  if (empty && !existing) return;
  if (existing && existing.feedback === draft.feedback && existing.note === draft.note) return;
  drafts.delete(id);
  if (!empty) drafts.set(id, { ...(draft.feedback !== undefined && { feedback: draft.feedback }), ...(draft.note !== undefined && { note: draft.note }) });
  writeAll(storage, drafts);
}

/** Forgets every draft (an explicit sign-out). */
export function clearDrafts(storage: DraftStorage | undefined): void {
  try {
    storage?.removeItem(DRAFTS_KEY);
  } catch {
    // Nothing to clear.
  }
}
