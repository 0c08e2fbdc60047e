// Real, well-known legitimate domains must never be called look-alikes of the organisations the
// built-in lists protect, as senders or as link hosts: a university whose name contains a city, a
// company whose name shares a word with a bank, a ministry of another country. The list is of public
// domains of universities, ministries, public bodies and large companies in Japan and elsewhere.
import { lookalikeOf } from '../../../src/engine/rules/lookalike-domain';
import { canonicalHost } from '../../../src/mail/hosts';
import { resolvePolicy } from '../../../src/policy';

const policy = resolvePolicy({ organizationDomains: ['example-institute.or.jp'] });

const JAPAN_UNIVERSITIES = [
  'u-tokyo.ac.jp', 'kyoto-u.ac.jp', 'osaka-u.ac.jp', 'tohoku.ac.jp', 'nagoya-u.ac.jp', 'hokudai.ac.jp', 'kyushu-u.ac.jp', 'titech.ac.jp',
  'isct.ac.jp', 'hit-u.ac.jp', 'tsukuba.ac.jp', 'kobe-u.ac.jp', 'hiroshima-u.ac.jp', 'keio.ac.jp', 'waseda.jp', 'sophia.ac.jp',
  'meiji.ac.jp', 'rikkyo.ac.jp', 'chuo-u.ac.jp', 'ritsumei.ac.jp', 'doshisha.ac.jp', 'tufs.ac.jp', 'grips.ac.jp', 'tokyo-med.ac.jp',
  'tmu.ac.jp', 'osaka-cu.ac.jp', 'yokohama-cu.ac.jp', 'nda.ac.jp', 'ynu.ac.jp', 'kanagawa-u.ac.jp', 'tokai.ac.jp', 'nihon-u.ac.jp',
];
const JAPAN_GOVERNMENT = [
  'mofa.go.jp', 'mod.go.jp', 'meti.go.jp', 'soumu.go.jp', 'mhlw.go.jp', 'mext.go.jp', 'mlit.go.jp', 'maff.go.jp', 'env.go.jp',
  'cas.go.jp', 'kantei.go.jp', 'nisc.go.jp', 'npa.go.jp', 'fsa.go.jp', 'digital.go.jp', 'jaxa.jp', 'jica.go.jp', 'jetro.go.jp',
  'metro.tokyo.lg.jp', 'city.yokohama.lg.jp', 'pref.osaka.lg.jp', 'city.kyoto.lg.jp', 'pref.hokkaido.lg.jp', 'city.sapporo.jp',
  'boj.or.jp', 'nenkin.go.jp', 'courts.go.jp', 'kunaicho.go.jp', 'shugiin.go.jp', 'sangiin.go.jp', 'police.pref.osaka.lg.jp',
];
const JAPAN_COMPANIES = [
  'toyota.co.jp', 'toyota-global.com', 'sony.com', 'sony.co.jp', 'hitachi.co.jp', 'panasonic.com', 'nec.com', 'fujitsu.com',
  'mitsubishicorp.com', 'mhi.com', 'ihi.co.jp', 'kawasaki-hi.co.jp', 'nttdata.com', 'ntt.com', 'ntt-east.co.jp', 'ntt-west.co.jp',
  'softbank.jp', 'nikkei.com', 'asahi.com', 'yomiuri.co.jp', 'mainichi.jp', 'kyodonews.jp', 'jal.co.jp', 'ana.co.jp', 'jr-central.co.jp',
  'jreast.co.jp', 'westjr.co.jp', 'mizuho-fg.co.jp', 'mufg.jp', 'smbc.co.jp', 'smfg.co.jp', 'resonabank.co.jp', 'japanpost.jp',
  'nomura.com', 'daiwa.jp', 'canon.com', 'nikon.com', 'olympus.co.jp', 'shiseido.co.jp', 'uniqlo.com', 'fastretailing.com',
  'nintendo.co.jp', 'bandainamco.co.jp', 'line.me', 'lycorp.co.jp', 'mercari.com', 'rakuten.co.jp', 'recruit.co.jp', 'dentsu.co.jp',
  'mitsui.com', 'sumitomocorp.com', 'marubeni.com', 'itochu.co.jp', 'kirin.co.jp', 'suntory.co.jp', 'asahigroup-holdings.com',
  'takeda.com', 'astellas.com', 'daiichisankyo.co.jp', 'denso.com', 'honda.co.jp', 'nissan.co.jp', 'mazda.co.jp', 'subaru.co.jp',
  'yamaha.com', 'kyocera.co.jp', 'murata.com', 'tdk.com', 'keyence.co.jp', 'fanuc.co.jp', 'tokyo-gas.co.jp', 'tepco.co.jp',
  'kepco.co.jp', 'amazon.co.jp', 'yahoo.co.jp', 'docomo.ne.jp', 'au.com', 'kddi.com', 'paypay.ne.jp', 'aeon.co.jp', 'aeonmall.com',
  'ikea.com', 'muji.com', 'yodobashi.com', 'biccamera.com', 'tsutaya.co.jp', 'sagawa-exp.co.jp', 'kuronekoyamato.co.jp',
];
const ELSEWHERE = [
  'mit.edu', 'harvard.edu', 'stanford.edu', 'berkeley.edu', 'ox.ac.uk', 'cam.ac.uk', 'ethz.ch', 'anu.edu.au', 'nus.edu.sg',
  'snu.ac.kr', 'tsinghua.edu.cn', 'ntu.edu.tw', 'gov.uk', 'state.gov', 'defense.gov', 'whitehouse.gov', 'europa.eu', 'un.org',
  'who.int', 'nato.int', 'oecd.org', 'imf.org', 'worldbank.org', 'brookings.edu', 'csis.org', 'rand.org', 'chathamhouse.org',
  'github.com', 'gitlab.com', 'cloudflare.com', 'salesforce.com', 'slack.com', 'atlassian.com', 'oracle.com', 'ibm.com', 'intel.com',
  'nvidia.com', 'cisco.com', 'dell.com', 'hp.com', 'samsung.com', 'lg.com', 'sap.com', 'siemens.com', 'bosch.com', 'bbc.co.uk',
  'nytimes.com', 'reuters.com', 'bloomberg.com', 'ft.com', 'economist.com', 'wsj.com', 'washingtonpost.com', 'theguardian.com',
  'applebees.com', 'pineapple.com', 'applied.com', 'appliedmaterials.com', 'paypalobjects.com', 'amazonaws.com', 'zoominfo.com',
  'chase.co.uk', 'upsbatterycenter.com', 'groups.io', 'dhlparcel.nl', 'postnord.com', 'laposte.fr', 'swisspost.ch', 'citizensbank.com',
  'metallica.com', 'metacritic.com', 'linear.app', 'lineageos.org', 'walmartlabs.com', 'wellsfargoadvisors.com', 'jcb-global.com',
  'live.com', 'onedrive.live.com', '1drv.ms', 'outlook.com', 'hotmail.com', 'office.net', 'microsoftonline.com', 'azure.com',
  'mail.softbank.jp', 'www.nomura.com', 'secure.chase.co.uk',
];

describe('well-known legitimate domains', () => {
  it.each([
    ['the police domain inside a longer one', 'keishicho.metro.tokyo.lg.jp.police-notice.com', 'keishicho.metro.tokyo.lg.jp'],
    ['a brand under a throw-away ending', 'paypal.top', 'paypal.com'],
    ['a five-letter brand with a neighbouring key', 'tepxo.co.jp', 'tepco.co.jp'],
    ['a ministry under another ending', 'mofa.go.com', 'mofa.go.jp'],
  ])('still catches %s', (_case, domain, resembles) => {
    expect(lookalikeOf(canonicalHost(domain)!, policy)?.entry.domain).toBe(resembles);
  });

  it.each([...JAPAN_UNIVERSITIES, ...JAPAN_GOVERNMENT, ...JAPAN_COMPANIES, ...ELSEWHERE])('%s is no look-alike of a protected organisation', (domain) => {
    const host = canonicalHost(domain);
    const resemblance = host ? lookalikeOf(host, policy) : undefined;
    expect(resemblance && { resembles: resemblance.entry.domain, technique: resemblance.technique }).toBeUndefined();
  });
});
