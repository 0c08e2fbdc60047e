// Types of postgres-bin.js (plain JavaScript so jest.config.js can use it too).
export interface ServerAccount {
  user: string;
  uid: number;
  gid: number;
}

export type PostgresPrograms = { bin: string; account: ServerAccount | undefined; missing?: undefined } | { missing: string };

export function findPostgres(): PostgresPrograms;
