// Entry point of an analysis worker thread (started by pool.ts). Everything expensive about a
// report happens here, away from the event loop: taking a JSON submission apart, parsing the
// message, analysing it, and building the console's content view. The pool enforces the time and
// memory budgets from outside (terminate, resourceLimits); this file only does the work.
import { promises as fs } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseEml } from '../../mail/eml';
import { resolvePolicy } from '../../policy';
import type { Policy } from '../../policy/types';
import { messageContent } from './content';
import { decodeJsonSubmission } from './decode';
import { examineMessage, MAX_MIME_PARTS, partLimitOffset } from './examine';
import type { Examined, WorkerJob, WorkerReply } from './jobs';

const { policy: source, maxParts = MAX_MIME_PARTS } = (workerData ?? {}) as { policy?: Policy; maxParts?: number };
const policy = resolvePolicy(source);

/** A job's answer, and the buffers to move (not copy) with it. */
async function run(job: WorkerJob): Promise<{ value: unknown; transfer?: ArrayBuffer[] }> {
  switch (job.kind) {
    case 'decode':
      return { value: await decodeJsonSubmission(job.bodyFile, job.emlFile, job.limitBytes) };
    case 'examine': {
      const raw = await fs.readFile(job.emlFile);
      const examined: Examined = { examination: await examineMessage(raw, job.sha256, policy, maxParts), raw };
      // Moved when the buffer is the message's alone (readFile's are; a pooled slab never is).
      const own = raw.byteOffset === 0 && raw.buffer.byteLength === raw.byteLength;
      return { value: examined, transfer: own ? [raw.buffer as ArrayBuffer] : undefined };
    }
    case 'content': {
      const raw = Buffer.from(job.raw.buffer, job.raw.byteOffset, job.raw.byteLength);
      const cut = partLimitOffset(raw, maxParts);
      return { value: messageContent(await parseEml(cut === undefined ? raw : raw.subarray(0, cut))) };
    }
  }
}

parentPort?.on('message', (message: { id: number; job: WorkerJob }) => {
  run(message.job).then(
    ({ value, transfer }) => parentPort?.postMessage({ id: message.id, ok: true, value } satisfies WorkerReply, transfer),
    (error: unknown) => parentPort?.postMessage({ id: message.id, ok: false, error: (error as Error)?.message ?? String(error) } satisfies WorkerReply),
  );
});
