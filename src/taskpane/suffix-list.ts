// The public suffix list in the task pane. Three quarters of the list is its ICANN section (co.jp,
// com); the rest, its private section (blogspot.com, github.io, *.compute.amazonaws.com), is 16 KB
// gzip that only hosts on those platforms need. So the pane's build carries tldts with the ICANN
// section only (scripts/webpack/icann-trie.ts) and hands the engine's imports of tldts this module
// instead (webpack.config.js): parse() answers from the ICANN section and notes when it was asked,
// with private suffixes allowed, about a host under a private-section platform. withWholeList() then
// loads tldts's whole list (a script of its own) and runs the work again, so the pane's verdict is
// the one the CLI and the service give. Everywhere else (tests, Node) tldts here is the whole list.
import { parse as parseLoaded } from 'tldts';
import { bloomTest } from './bloom';
import { PRIVATE_PLATFORM_DOMAINS } from './private-suffix-filter';

type Parse = typeof parseLoaded;

const onPrivatePlatform = bloomTest(PRIVATE_PLATFORM_DOMAINS);
let whole: Parse | undefined;
let needed = false;

/** tldts's parse, as the engine calls it. */
export const parse: Parse = (url, options) => {
  if (whole) return whole(url, options);
  if (options?.allowPrivateDomains && mayNeedPrivateSection(url)) needed = true;
  return parseLoaded(url, options);
};

/** Whether a host's registrable domain by the ICANN section may hold private-section rules. */
function mayNeedPrivateSection(host: string): boolean {
  const domain = parseLoaded(host, { allowPrivateDomains: false }).domain;
  return domain !== null && onPrivatePlatform(domain);
}

let loading: Promise<void> | undefined;
function loadWholeList(): Promise<void> {
  loading ??= import(/* webpackChunkName: "public-suffix-list" */ './whole-suffix-list.js').then(
    (module) => {
      whole = module.parse;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * Runs `work` (synchronous, e.g. the engine's analyze) and returns its result; when it asked about a
 * host under a private-section platform, first loads the whole list and runs it again.
 */
export async function withWholeList<T>(work: () => T): Promise<T> {
  needed = false;
  const first = work();
  if (whole || !needed) return first;
  await loadWholeList();
  return work();
}

/** Loads the whole list first when one of these hosts may sit under a private-section platform. */
export async function wholeListFor(hosts: readonly string[]): Promise<void> {
  if (whole) return;
  if (hosts.some(mayNeedPrivateSection)) await loadWholeList();
}
