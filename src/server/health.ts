// What the service knows about its own health beyond "the process answers": whether its storage
// takes writes (a real commit, at most every CHECK_INTERVAL_MS), how much disk is left, the last
// storage failure a request met, and analyses stopped at their budgets. Readiness (/readyz) fails
// when writes fail or the disk is nearly full, so a load balancer stops sending reports that would
// be refused; /api/status turns the same facts into warnings for operators.
import { promises as fs } from 'node:fs';
import type { ReportStore } from './store/types';
import { StorageError } from './store/types';
import { serviceWarning, type ServiceWarning } from './warnings';

/** A write check is a real commit (fsync); readiness probes every second must not each cause one. */
const CHECK_INTERVAL_MS = 2_000;

export interface Readiness {
  ready: boolean;
  /** Machine-readable reasons when not ready: storage-unwritable, disk-full. */
  reasons: string[];
  freeBytes?: number;
}

export class HealthMonitor {
  private lastCheck = 0;
  private lastCheckError?: StorageError;
  private checking?: Promise<void>;
  private lastFailure?: { at: string; kind: StorageError['kind']; message: string };
  readonly lostAnalyses: Record<string, number> = {};

  constructor(
    private readonly store: ReportStore,
    private readonly dataDir: string,
    /** Below this much free space the service says it is not ready (it could not take a full-size report). */
    private readonly minFreeBytes = 64 * 1024 * 1024,
  ) {}

  storageFailed(error: StorageError): void {
    this.lastFailure = { at: new Date().toISOString(), kind: error.kind, message: error.message };
    // The next readiness probe checks again instead of trusting an older success.
    this.lastCheck = 0;
  }

  analysisLost(reason: string): void {
    this.lostAnalyses[reason] = (this.lostAnalyses[reason] ?? 0) + 1;
  }

  private async checkWrites(): Promise<void> {
    if (Date.now() - this.lastCheck < CHECK_INTERVAL_MS) return;
    this.checking ??= this.store
      .checkWritable()
      .then(
        () => (this.lastCheckError = undefined),
        (error: unknown) => {
          this.lastCheckError = error instanceof StorageError ? error : new StorageError('unavailable', (error as Error)?.message ?? String(error));
          this.storageFailed(this.lastCheckError);
        },
      )
      .finally(() => {
        this.lastCheck = Date.now();
        this.checking = undefined;
      });
    await this.checking;
  }

  async freeBytes(): Promise<number | undefined> {
    try {
      const stats = await fs.statfs(this.dataDir);
      return stats.bavail * stats.bsize;
    } catch {
      return undefined;
    }
  }

  async readiness(): Promise<Readiness> {
    await this.checkWrites();
    const freeBytes = await this.freeBytes();
    const reasons: string[] = [];
    if (this.lastCheckError) reasons.push(this.lastCheckError.kind === 'full' ? 'disk-full' : 'storage-unwritable');
    if (freeBytes !== undefined && freeBytes < this.minFreeBytes && !reasons.includes('disk-full')) reasons.push('disk-full');
    return { ready: reasons.length === 0, reasons, freeBytes };
  }

  /** What operators should act on (never secrets, never message content). */
  async warnings(): Promise<ServiceWarning[]> {
    const readiness = await this.readiness();
    const warnings: ServiceWarning[] = [];
    if (readiness.reasons.includes('storage-unwritable')) warnings.push(serviceWarning('storage-unwritable', {}));
    if (readiness.reasons.includes('disk-full')) {
      warnings.push(serviceWarning('disk-full', readiness.freeBytes !== undefined ? { freeMb: Math.floor(readiness.freeBytes / 1024 / 1024) } : {}));
    }
    if (this.lastFailure) warnings.push(serviceWarning('storage-failed', { at: this.lastFailure.at, kind: this.lastFailure.kind, detail: this.lastFailure.message }));
    if (Object.keys(this.lostAnalyses).length > 0) warnings.push(serviceWarning('analyses-stopped', { ...this.lostAnalyses }));
    return warnings;
  }
}
