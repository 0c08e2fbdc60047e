// How many report submissions the service works on at once: in total and per client address. Each
// one holds an upload on disk, a place in the analysis queue and, at commit, the message in memory,
// so the caps bound all three. A submission over a cap is answered 503 with Retry-After before its
// body is read; the add-in's outbox retries it later (it never loses the report).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors';

export interface AdmissionLimits {
  /** Submissions in progress at once, all clients together. */
  maxConcurrent: number;
  /** Submissions in progress at once from one client address. */
  maxPerClient: number;
  /** Seconds a refused client is asked to wait. */
  retryAfterSeconds: number;
}

/**
 * How long the rest of a refused submission's body is read and thrown away before the connection is
 * closed: a full-size report arrives well within it on any usable link; a trickling one does not.
 */
const LINGER_MS = 5_000;

/**
 * A refused client is usually still sending its body. Closing the connection at once (as this did)
 * makes the client's next write meet a reset, and most clients then report a network error instead
 * of the 503 and its Retry-After (the bench's "no answer"). So, as web servers do after an early
 * answer, the rest of the body is read and thrown away (Node does it on a connection it keeps;
 * nothing is stored or parsed) for LINGER_MS at most; a body still arriving then is cut off.
 */
function lingerOnBody(request: FastifyRequest): void {
  const incoming = request.raw;
  if (incoming.complete) return;
  const timer = setTimeout(() => incoming.socket.destroy(), LINGER_MS).unref();
  // Once the body is in, the connection may carry the client's next request: it must not be cut then.
  incoming.once('end', () => clearTimeout(timer));
  incoming.once('close', () => clearTimeout(timer));
}

export class Admission {
  private active = 0;
  private readonly perClient = new Map<string, number>();
  /** Submissions refused since start (for /api/status). */
  refused = 0;

  constructor(private readonly limits: AdmissionLimits) {}

  get inProgress(): number {
    return this.active;
  }

  /** onRequest hook (after authentication): admit, or answer 503 before the body is read. */
  hook() {
    return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      const client = request.ip;
      const mine = this.perClient.get(client) ?? 0;
      if (this.active >= this.limits.maxConcurrent || mine >= this.limits.maxPerClient) {
        this.refused++;
        reply.header('retry-after', String(this.limits.retryAfterSeconds));
        lingerOnBody(request);
        throw new ApiError(
          503,
          'busy',
          this.active >= this.limits.maxConcurrent
            ? `The service is receiving ${this.active} reports; please retry in ${this.limits.retryAfterSeconds} s.`
            : `This address already has ${mine} reports in progress; please retry in ${this.limits.retryAfterSeconds} s.`,
        );
      }
      this.active++;
      this.perClient.set(client, mine + 1);
      let released = false;
      // 'close' fires once the answer is sent or the connection is gone, whichever comes first.
      reply.raw.once('close', () => {
        if (released) return;
        released = true;
        this.active--;
        const left = (this.perClient.get(client) ?? 1) - 1;
        if (left <= 0) this.perClient.delete(client);
        else this.perClient.set(client, left);
      });
    };
  }
}
