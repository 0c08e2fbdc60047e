// The messages between the pool and its workers.

export type WorkerJob =
  /** A JSON submission on disk: parse it, decode its base64 message into emlFile. */
  | { kind: 'decode'; bodyFile: string; emlFile: string; limitBytes: number }
  /** The message in emlFile: parse, analyse, summarise, build the content view. */
  | { kind: 'examine'; emlFile: string; sha256: string }
  /** The content view of a stored message (reports stored before intake computed it). */
  | { kind: 'content'; raw: Uint8Array };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
