// The messages between the pool and its workers.

export type WorkerJob =
  /** A JSON submission on disk: parse it, decode its base64 message into emlFile. */
  | { kind: 'decode'; bodyFile: string; emlFile: string; limitBytes: number }
  /** The message in emlFile: parse, analyse, summarise, build the content view (answers Examined). */
  | { kind: 'examine'; emlFile: string; sha256: string }
  /** The content view of a stored message (reports stored before intake computed it). */
  | { kind: 'content'; raw: Uint8Array };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * An examine job's answer: the examination, and the message's bytes as the worker read them, moved
 * (not copied) to the caller, who stores them; it need not read the file again.
 */
export interface Examined<E = unknown> {
  examination: E;
  raw: Uint8Array;
}
