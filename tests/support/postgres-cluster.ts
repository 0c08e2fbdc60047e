// A throw-away PostgreSQL cluster: initdb in a temporary directory, the server on a free port of
// 127.0.0.1 with its unix socket in that directory, password authentication, everything removed
// when it stops. Used by the tests (one cluster per jest run: postgres-global-setup.ts), the
// benchmark and the durability check. As root the server runs as the "postgres" user
// (postgres-bin.js), and in every case it is told to stop when the process that started it dies,
// so no cluster outlives a crashed test run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';
import { findPostgres, type ServerAccount } from './postgres-bin';

/** The superuser initdb creates; its password is random per cluster. */
const SUPERUSER = 'lurelens';
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export interface ClusterOptions {
  /**
   * fsync the WAL as a production server does (the benchmark). Tests run without it: they kill
   * service instances, never the database server, and it makes creating databases cheap.
   */
  durable?: boolean;
  /** More server settings (`name=value`), e.g. to load pg_stat_statements while profiling. */
  settings?: readonly string[];
}

export interface PostgresCluster {
  port: number;
  /** The temporary directory (data, socket, log). */
  dir: string;
  /** A URL for `database` on this cluster (the superuser, over TCP). */
  url(database: string): string;
  createDatabase(name: string, template?: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  /** The server's log so far, for error messages. */
  log(): string;
  stop(): Promise<void>;
}

/** The command line that runs `program` as the server account and stops it when we die (SIGINT: fast shutdown). */
function asServer(account: ServerAccount | undefined, program: string, args: string[]): [string, string[]] {
  const pdeath = ['--pdeathsig', 'INT'];
  if (!account) return ['/usr/bin/setpriv', [...pdeath, '--', program, ...args]];
  return ['/usr/bin/setpriv', ['--reuid', String(account.uid), '--regid', String(account.gid), '--init-groups', ...pdeath, '--', program, ...args]];
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`database name ${name} is not a plain identifier`);
  return `"${name}"`;
}

async function waitForServer(url: string, server: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited while starting:\n${readFileSync(logFile, 'utf8')}`);
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections in ${START_TIMEOUT_MS / 1000} s (${(error as Error).message}):\n${readFileSync(logFile, 'utf8')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function startCluster(options: ClusterOptions = {}): Promise<PostgresCluster> {
  const programs = findPostgres();
  if (programs.missing !== undefined) throw new Error(`cannot start PostgreSQL: ${programs.missing}`);
  const { bin, account } = programs;
  const dir = mkdtempSync(path.join(tmpdir(), 'lurelens-pg-'));
  const password = randomBytes(18).toString('base64url');
  const passwordFile = path.join(dir, 'password');
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  writeFileSync(logFile, '', { mode: 0o600 });
  if (account) {
    for (const file of [dir, passwordFile, logFile]) chownSync(file, account.uid, account.gid);
  }
  chmodSync(dir, 0o700);
  let server: ChildProcess | undefined;
  try {
    const [initCommand, initArgs] = asServer(account, path.join(bin, 'initdb'), [
      '--pgdata', dataDir, '--username', SUPERUSER, '--pwfile', passwordFile, '--auth', 'scram-sha-256',
      '--encoding', 'UTF8', '--no-locale', '--no-sync',
    ]);
    const init = spawnSync(initCommand, initArgs, { encoding: 'utf8', timeout: 120_000 });
    if (init.status !== 0) throw new Error(`initdb failed (${init.status ?? init.signal}):\n${init.stdout}\n${init.stderr}`);

    const port = await freePort();
    const settings = [
      `port=${port}`, 'listen_addresses=127.0.0.1', `unix_socket_directories=${dir}`, 'unix_socket_permissions=0700',
      'max_connections=200', 'shared_buffers=64MB',
      ...(options.durable ? [] : ['fsync=off', 'full_page_writes=off']),
      ...(options.settings ?? []),
    ];
    const log = openSync(logFile, 'a');
    const [command, args] = asServer(account, path.join(bin, 'postgres'), ['-D', dataDir, ...settings.flatMap((setting) => ['-c', setting])]);
    server = spawn(command, args, { stdio: ['ignore', log, log] });
    const exited = new Promise<void>((resolve) => server!.once('exit', () => resolve()));
    const url = (database: string) => `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
    await waitForServer(url('postgres'), server, logFile);

    const admin = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
      const client = new Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    };
    const running = server;
    return {
      port,
      dir,
      url,
      async createDatabase(name, template) {
        await admin((client) => client.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)} STRATEGY FILE_COPY` : ''}`));
        return url(name);
      },
      async dropDatabase(name) {
        await admin((client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
      },
      log: () => readFileSync(logFile, 'utf8'),
      async stop() {
        if (running.exitCode === null) {
          running.kill('SIGINT');
          const timer = setTimeout(() => running.kill('SIGKILL'), STOP_TIMEOUT_MS);
          await exited;
          clearTimeout(timer);
        }
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
