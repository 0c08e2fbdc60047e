// Forwards each new report to a SIEM/SOAR webhook. The queue lives in the database (the entry is
// written in the same transaction as the report), so a crash or restart loses no delivery; failed
// attempts are retried with exponential backoff and jitter up to maxAttempts, then marked failed.
// Several service instances on one database share the queue: each claims a batch for a lease
// (store.claimDeliveries), so an entry is delivered by one of them; a batch whose instance died is
// claimed again once its lease has run out.
// With a secret, every attempt is signed over its send time and body, so a receiver can refuse replays.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { WebhookConfig } from './config';
import { exportUri } from './indicators/uri';
import type { Delivery, ReportStore } from './store/types';

export interface WebhookPayload {
  event: 'report.created';
  deliveryId: number;
  report: Record<string, unknown>;
}

/** Name of the signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'x-lurelens-signature';
/**
 * How far a receiver should accept the signed time from its own clock (docs/service.md). Each
 * attempt is signed when it is sent, so retries stay inside it; a delivery captured and replayed
 * later does not.
 */
export const REPLAY_WINDOW_SECONDS = 300;

/**
 * The signature header for one attempt. The time is inside the signed content, so it cannot be
 * changed without the secret (Stripe's and Slack's scheme; "v1" leaves room for another algorithm).
 */
export function signWebhook(secret: string, body: string, timestampSeconds: number): string {
  const t = Math.floor(timestampSeconds);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (the reference for the example in docs/service.md): parse `t` and every
 * `v1`, refuse a time outside the window, compare in constant time.
 */
export function verifyWebhookSignature(secret: string, body: string, header: string, nowSeconds: number, windowSeconds = REPLAY_WINDOW_SECONDS): boolean {
  let t: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',', 20)) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (t === undefined || Math.abs(nowSeconds - t) > windowSeconds) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  return signatures.some((signature) => timingSafeEqual(Buffer.from(signature), expected));
}

/** Delay before attempt n+1 after n failed attempts: base·2^(n-1), capped, with ±20 % jitter. */
export function backoffDelay(failedAttempts: number, config: Pick<WebhookConfig, 'retryBaseMs' | 'retryMaxMs'>, random = Math.random): number {
  const exponential = config.retryBaseMs * 2 ** Math.min(failedAttempts - 1, 30);
  const capped = Math.min(exponential, config.retryMaxMs);
  return Math.round(capped * (0.8 + 0.4 * random()));
}

/** Deliveries claimed per pass; with the lease below, what a dead instance leaves waits at most this many timeouts. */
const BATCH = 10;
/** Time to settle a claimed batch: every attempt may take the whole timeout. */
function leaseMs(config: Pick<WebhookConfig, 'timeoutMs'>): number {
  return BATCH * config.timeoutMs + 30_000;
}

export class WebhookForwarder {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;
  private readonly controller = new AbortController();

  constructor(
    private readonly config: WebhookConfig,
    private readonly store: ReportStore,
    private readonly publicUrl: string,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.nudge(), this.config.pollMs);
    this.timer.unref();
    this.nudge();
  }

  /** Runs a delivery pass now unless one is already running. */
  nudge(): void {
    if (this.stopped || this.running) return;
    this.running = this.deliverDue()
      .catch((error: unknown) => this.log.error({ err: error }, 'webhook pass failed'))
      .finally(() => {
        this.running = undefined;
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.controller.abort();
    await this.running;
  }

  private async payloadFor(reportId: string, deliveryId: number): Promise<WebhookPayload | undefined> {
    const report = await this.store.getReport(reportId);
    if (!report) return undefined;
    return {
      event: 'report.created',
      deliveryId,
      report: {
        id: report.id,
        receivedAt: report.receivedAt,
        subject: report.subject,
        from: report.fromAddress,
        reporter: report.reporter.address,
        reporterVerified: report.reporterVerified,
        verdict: report.verdict,
        score: report.score,
        clientVerdict: report.clientVerdict,
        campaignId: report.campaignId,
        rawSha256: report.rawSha256,
        size: report.rawSize,
        findings: ((report.analysis.findings as { rule: string; severity: string }[] | undefined) ?? []).map((f) => ({ rule: f.rule, severity: f.severity })),
        // URLs in the one serialisation every export uses (RFC 3986).
        indicators: report.indicators.map((indicator) => (indicator.type === 'url' ? { ...indicator, value: exportUri(indicator.value) } : indicator)),
        links: {
          report: `${this.publicUrl}/api/reports/${report.id}`,
          eml: `${this.publicUrl}/api/reports/${report.id}/eml`,
          campaign: `${this.publicUrl}/api/campaigns/${report.campaignId}`,
        },
      },
    };
  }

  private async deliverDue(): Promise<void> {
    // Bounded per pass; the timer picks up the rest.
    for (let pass = 0; pass < 20 && !this.stopped; pass++) {
      const claimed = await this.store.claimDeliveries(Date.now(), BATCH, leaseMs(this.config));
      if (claimed.length === 0) return;
      for (let i = 0; i < claimed.length; i++) {
        const delivery = claimed[i];
        if (!this.stopped) await this.attempt(delivery);
        // Stopped (this attempt interrupted or not started): not the receiver's fault, so not an
        // attempt; what is left goes back to the queue for another instance or the next start.
        if (this.stopped) return this.store.releaseDeliveries(claimed.slice(i), Date.now());
      }
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const payload = await this.payloadFor(delivery.reportId, delivery.id);
    if (!payload) return this.store.deliveryFailed(delivery, 'report not found', undefined);
    const error = await this.post(payload);
    if (this.stopped) return;
    if (!error) return this.store.deliverySucceeded(delivery);
    const attempts = delivery.attempts + 1;
    const giveUp = attempts >= this.config.maxAttempts;
    await this.store.deliveryFailed(delivery, error, giveUp ? undefined : Date.now() + backoffDelay(attempts, this.config));
    this.log.warn({ deliveryId: delivery.id, attempts, giveUp, reason: error }, 'webhook delivery failed');
  }

  /** One attempt; returns an error description, or undefined on a 2xx answer. */
  private async post(payload: WebhookPayload): Promise<string | undefined> {
    const body = JSON.stringify(payload);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'LureLens-Webhook/1',
      'x-lurelens-delivery': String(payload.deliveryId),
    };
    if (this.config.secret) headers[SIGNATURE_HEADER] = signWebhook(this.config.secret, body, Date.now() / 1000);
    try {
      const response = await fetch(this.config.url, {
        method: 'POST',
        headers,
        body,
        // A redirect could send report data somewhere nobody configured.
        redirect: 'error',
        signal: AbortSignal.any([AbortSignal.timeout(this.config.timeoutMs), this.controller.signal]),
      });
      await response.body?.cancel();
      return response.ok ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return cause ?? (error as Error).name ?? 'network error';
    }
  }
}
