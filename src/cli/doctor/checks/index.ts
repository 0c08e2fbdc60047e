// Every doctor check, in the order they run and print. The order matters twice: runtime first (if
// the native database module does not load, that explains later failures), and policy before
// tokens (tokens reads the loaded policy). Adding a check: its file here and a test of it.
import type { Check } from '../check';
import { dataDirectory } from './data-dir';
import { database } from './database';
import { manifest } from './manifest';
import { policy } from './policy';
import { publicUrl } from './public-url';
import { runtime } from './runtime';
import { tlsCertificates } from './tls';
import { tokens } from './tokens';
import { webhook } from './webhook';
import { wellKnown } from './well-known';

export const CHECKS: readonly Check[] = [runtime, policy, tokens, publicUrl, tlsCertificates, manifest, wellKnown, dataDirectory, database, webhook];
