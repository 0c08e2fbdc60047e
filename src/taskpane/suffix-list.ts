// The public suffix list in the task pane. Most hosts need little of it: the list's ICANN rules of at
// most two labels (co.jp, com) answer them. The rest is 27 KB gzip that only some hosts need: the
// private section (blogspot.com, github.io, *.compute.amazonaws.com) for hosts on those platforms,
// and the ICANN rules of three labels or more (the Japanese city rules such as ama.aichi.jp, k12.ny.us)
// and those of .no for hosts under the suffixes they sit in. So the pane's build carries tldts with the short ICANN
// rules only (scripts/webpack/icann-trie.ts) and hands the engine's imports of tldts this module
// instead (webpack.config.js): parse() answers from the short rules and notes when it was asked about
// a host under a suffix with deeper rules, or, with private suffixes allowed, about a host under a
// private-section platform. withWholeList() then loads tldts's whole list (a script of its own) and
// runs the work again, so the pane's verdict is the one the CLI and the service give. Everywhere else
// (tests, Node) tldts here is the whole list.
import { parse as parseLoaded } from 'tldts';
import { bloomTest } from './bloom';
import { DEEP_RULE_PARENTS, PRIVATE_PLATFORM_DOMAINS } from './deferred-suffixes';

type Parse = typeof parseLoaded;

const onPrivatePlatform = bloomTest(PRIVATE_PLATFORM_DOMAINS);
const deepParents = new Set(DEEP_RULE_PARENTS.split(' '));
let whole: Parse | undefined;
let needed = false;

/** tldts's parse, as the engine calls it. */
export const parse: Parse = (url, options) => {
  if (whole) return whole(url, options);
  const result = parseLoaded(url, options);
  if (underDeepRules(result.hostname) || (options?.allowPrivateDomains && mayNeedPrivateSection(url))) needed = true;
  return result;
};

/** Whether a host (as tldts read it) sits under a suffix whose deeper rules the first load leaves out. */
export function underDeepRules(hostname: string | null): boolean {
  if (!hostname) return false;
  const last = hostname.lastIndexOf('.');
  if (last <= 0) return false;
  // A top-level domain the first load leaves out whole (no), then a suffix of two labels (aichi.jp);
  // each with one label more at least, as the suffix itself gets the same answer from both lists.
  if (deepParents.has(hostname.slice(last + 1))) return true;
  const second = hostname.lastIndexOf('.', last - 1);
  if (second <= 0) return false;
  // A wildcard among them ("*.jp") would stand for any second label.
  return deepParents.has(hostname.slice(second + 1)) || deepParents.has(`*${hostname.slice(last)}`);
}

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
 * host the first load may answer wrongly, first loads the whole list and runs it again.
 */
export async function withWholeList<T>(work: () => T): Promise<T> {
  needed = false;
  const first = work();
  if (whole || !needed) return first;
  await loadWholeList();
  return work();
}

/** Loads the whole list first when one of these hosts may need it (private suffixes allowed). */
export async function wholeListFor(hosts: readonly string[]): Promise<void> {
  if (whole) return;
  if (hosts.some((host) => underDeepRules(parseLoaded(host).hostname) || mayNeedPrivateSection(host))) await loadWholeList();
}
