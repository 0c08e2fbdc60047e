// Reports sent with the add-in's shared token are accepted, but anyone can read that token from
// policy.json: they get a tighter per-address budget than signed-in reporters and staff, so a leaked
// token cannot flood the queue. A fixed window per client address, counted after authentication.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors';

/** Addresses remembered in one window; past it the window restarts early (memory stays bounded). */
const MAX_CLIENTS = 10_000;

export class UnverifiedReportLimit {
  private windowStart = 0;
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** onRequest hook, after requireRole: verified callers pass untouched. */
  hook() {
    return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
      if (request.principal?.verified !== false) return;
      const now = this.now();
      if (now - this.windowStart >= this.windowMs || this.counts.size >= MAX_CLIENTS) {
        this.windowStart = now;
        this.counts.clear();
      }
      const count = (this.counts.get(request.ip) ?? 0) + 1;
      this.counts.set(request.ip, count);
      if (count > this.max) {
        const retry = Math.max(1, Math.ceil((this.windowStart + this.windowMs - now) / 1000));
        reply.header('retry-after', String(retry));
        throw new ApiError(429, 'rate_limited', `Too many unverified reports from this address; sign in to Outlook with your work account, or retry in ${retry} s.`);
      }
    };
  }
}
