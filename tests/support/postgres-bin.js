// Where PostgreSQL's server programs are and whom they run as, for the throw-away clusters of the
// tests, the benchmark and the durability check (postgres-cluster.ts), and for jest.config.js, which
// leaves the PostgreSQL runs out, saying so in one line, when there is no server to start.
// Debian installs the programs in /usr/lib/postgresql/<major>/bin, which is not on PATH.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PROGRAMS = ['initdb', 'postgres'];

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** LURELENS_PG_BIN, then Debian's versions newest first, then PATH. */
function candidates() {
  const dirs = [];
  if (process.env.LURELENS_PG_BIN) dirs.push(process.env.LURELENS_PG_BIN);
  try {
    const versions = fs.readdirSync('/usr/lib/postgresql').filter((name) => /^\d+$/.test(name));
    for (const version of versions.sort((a, b) => Number(b) - Number(a))) dirs.push(path.join('/usr/lib/postgresql', version, 'bin'));
  } catch {
    // No Debian packages of the server.
  }
  for (const dir of (process.env.PATH || '').split(path.delimiter)) if (dir) dirs.push(dir);
  return dirs;
}

function idOf(flag, user) {
  return Number(execFileSync('id', [flag, user], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
}

/**
 * { bin, account } where account is undefined (run as ourselves) or, as root (CI), the unprivileged
 * "postgres" user that Debian's package creates, since initdb and postgres refuse to run as root;
 * { missing: reason } when no server can be started here.
 */
function findPostgres() {
  const bin = candidates().find((dir) => PROGRAMS.every((program) => executable(path.join(dir, program))));
  if (!bin) return { missing: "no PostgreSQL server programs (initdb, postgres) found; install Debian's postgresql package" };
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return { bin, account: undefined };
  let account;
  try {
    account = { user: 'postgres', uid: idOf('-u', 'postgres'), gid: idOf('-g', 'postgres') };
  } catch {
    return { missing: 'running as root, and there is no "postgres" user to run the server as (initdb refuses root)' };
  }
  if (!executable('/usr/bin/setpriv')) return { missing: 'running as root, and setpriv (util-linux) is missing to run the server as "postgres"' };
  return { bin, account };
}

module.exports = { findPostgres };
