// The database: readable, from a release this one understands, and intact (PRAGMA quick_check, or
// integrity_check with --thorough, plus foreign_key_check). Read-only: safe while the service runs.
import { DatabaseError } from '../../database/types';
import { newerSchemaMessage } from '../../database/sqlite';
import { PG_DUMP_COMMAND, PG_RESTORE_COMMAND } from '../../database/postgres';
import { fail, ok, t, type Check, type Finding } from '../check';

const RESTORE = t(
  'Stop the service, keep a copy of the data directory, and restore the latest good backup (lurelens restore --from FILE); sqlite3 … ".recover" can salvage rows.',
  'サービスを停止し、データ ディレクトリを複製して保全したうえで、最新の正常なバックアップを復元してください (lurelens restore --from FILE)。sqlite3 の ".recover" で行を救出できることもあります。',
);

export const database: Check = {
  id: 'database',
  title: t('Database', 'データベース'),
  async run(context) {
    const maintenance = context.database();
    let state;
    try {
      state = await maintenance.state();
    } catch (error) {
      if (!(error instanceof DatabaseError)) throw error;
      const findings = [fail(t(error.message, error.message), RESTORE)];
      // What the integrity check says is the better description of a damaged file, when it can run at all.
      const integrity = await maintenance.checkIntegrity('quick').catch(() => undefined);
      if (integrity && !integrity.ok) findings.push(fail(t(`PRAGMA quick_check: ${integrity.problems.slice(0, 5).join('; ')}`, `PRAGMA quick_check: ${integrity.problems.slice(0, 5).join('; ')}`), RESTORE));
      return findings;
    }
    if (!state.exists) return [ok(t(`no database yet at ${state.location}: created at first start`, `${state.location} にはまだデータベースがありません。初回起動時に作成されます`))];
    if (state.schemaVersion > state.supportedVersion) {
      const message = newerSchemaMessage(state.location, state.schemaVersion);
      return [fail(t(message, `${state.location} のスキーマ バージョン ${state.schemaVersion} はこのリリース (最大 ${state.supportedVersion}) より新しいリリースで書かれています。`), t('Reinstall the release that wrote it, or restore a backup taken with this release.', '書き込んだリリースを入れ直すか、このリリースで取ったバックアップを復元してください。'))];
    }
    const findings: Finding[] = [];
    const mb = (state.sizeBytes / 1024 / 1024).toFixed(1);
    findings.push(ok(t(`${state.location}: ${state.reports} reports, schema ${state.schemaVersion}, ${mb} MB`, `${state.location}: 報告 ${state.reports} 件、スキーマ ${state.schemaVersion}、${mb} MB`)));
    if (state.schemaVersion < state.supportedVersion) {
      // serve copies a SQLite file into backups/ before upgrading it; a PostgreSQL database is the operator's to dump.
      findings.push(
        maintenance.kind === 'postgres'
          ? ok(
              t(
                `schema ${state.schemaVersion} is upgraded to ${state.supportedVersion} at the next start; no copy is made: take one first with ${PG_DUMP_COMMAND}`,
                `次回起動時にスキーマ ${state.schemaVersion} を ${state.supportedVersion} に更新します。複製は作られないので、先に ${PG_DUMP_COMMAND} で取ってください`,
              ),
            )
          : ok(t(`schema ${state.schemaVersion} is upgraded to ${state.supportedVersion} at the next start (a copy is kept in backups/ first)`, `次回起動時にスキーマ ${state.schemaVersion} を ${state.supportedVersion} に更新します (先に backups/ へ複製)`)),
      );
    }
    const mode = context.thorough ? 'full' : 'quick';
    const integrity = await maintenance.checkIntegrity(mode);
    if (maintenance.kind === 'postgres') {
      // Tables and indexes (PostgreSQL checks its own pages); restoring is pg_restore's, not ours.
      const problems = integrity.problems.slice(0, 5).join('; ');
      if (integrity.ok) findings.push(ok(t('every table present, no invalid index', 'すべての表があり、無効な索引はありません')));
      else findings.push(fail(t(problems, problems), t(`Repair the schema (REINDEX for invalid indexes) or restore a pg_dump backup into a new database: ${PG_RESTORE_COMMAND}`, `スキーマを修復する (無効な索引は REINDEX) か、pg_dump のバックアップを新しいデータベースに復元してください: ${PG_RESTORE_COMMAND}`)));
      return findings;
    }
    const name = mode === 'full' ? 'integrity_check' : 'quick_check';
    if (integrity.ok) findings.push(ok(t(`PRAGMA ${name} and foreign_key_check: ok`, `PRAGMA ${name} と foreign_key_check: 正常`)));
    else findings.push(fail(t(`PRAGMA ${name}: ${integrity.problems.slice(0, 5).join('; ')}`, `PRAGMA ${name}: ${integrity.problems.slice(0, 5).join('; ')}`), RESTORE));
    return findings;
  },
};
