// CPU time per report, read from /proc (Linux): how much each part of the machine spent on the reports
// of one benchmark row, so a row's cost can be compared across backends even when the machine is
// shared and the rates are noisy. Counts user and system time of the service processes (all their
// threads: event loop, analysis workers, garbage collector, libuv pool), of the database server's
// processes (every backend and background process of the throw-away cluster) and of the benchmark
// process itself (autocannon: the load generator).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Clock ticks per second of /proc/PID/stat's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** User + system CPU time of a process and its threads so far, in ms (0 when it is gone or there is no /proc). */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The postmaster and its children (backends, WAL writer, checkpointer, …) of the cluster in `clusterDir`. */
function databaseProcesses(clusterDir: string): number[] {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(path.join(clusterDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return [];
  }
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) pids.push(Number(entry));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return pids;
}

export interface CpuShare {
  service: number;
  database: number;
  loadGenerator: number;
}

/** Starts counting; the returned function gives the CPU ms per report spent since, by part. */
export function countCpu(servicePids: number[], clusterDir: string | undefined): (reports: number) => CpuShare {
  // Backends that end during the row take their time with them: the pools keep their connections.
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + processCpuMs(pid), 0);
  const database = () => (clusterDir ? sum(databaseProcesses(clusterDir)) : 0);
  const self = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
  };
  const start = { service: sum(servicePids), database: database(), loadGenerator: self() };
  return (reports) => {
    const per = (now: number, then: number) => (reports > 0 ? (now - then) / reports : 0);
    return {
      service: per(sum(servicePids), start.service),
      database: per(database(), start.database),
      loadGenerator: per(self(), start.loadGenerator),
    };
  };
}

export function formatCpu(cpu: CpuShare, withDatabase: boolean): string {
  const total = cpu.service + cpu.database + cpu.loadGenerator;
  return `CPU per report ${total.toFixed(1)} ms: service ${cpu.service.toFixed(1)}${withDatabase ? `, database ${cpu.database.toFixed(1)}` : ''}, load ${cpu.loadGenerator.toFixed(1)}`;
}
