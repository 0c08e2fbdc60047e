// The triage console: sign in with the organisation's identity provider (a session cookie the page
// cannot read, plus a CSRF token from /api/me) or with a static token (automation, the local
// default; kept in sessionStorage, checked with GET /api/status), then hash-routed pages for reports
// and campaigns, removal runs and (for admins) the audit log. A 401 from any call ends the session
// and returns to sign-in.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, Field, FluentProvider, Input, Label, Link, MessageBar, MessageBarBody, Select, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { Api, ApiError, roleIncludes, type FetchLike, type Me } from './api';
import { AuditLog } from './Audit';
import { CampaignList, CampaignPage } from './Campaigns';
import { clearDrafts } from './drafts';
import { Inbox } from './Inbox';
import { RemediationPage, remediationAccess } from './Remediation';
import { ReportView } from './ReportView';
import { formatRoute, parseRoute, type Route } from './routing';
import { languageFor, stringsFor, type Language, type Strings } from './strings';

export const TOKEN_KEY = 'lurelens.console.token';
export const LANGUAGE_KEY = 'lurelens.console.language';

export interface ConsoleProps {
  /** '' in the browser (same origin as the service). */
  baseUrl?: string;
  fetch?: FetchLike;
  /** Where the token is kept: sessionStorage in the browser. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** Where the language choice is kept: localStorage in the browser. */
  preferences?: Pick<Storage, 'getItem' | 'setItem'>;
  /** navigator.language by default. */
  browserLanguage?: string;
}

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    '& :focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    '&:focus': { left: '8px', top: '8px', padding: '8px', backgroundColor: tokens.colorNeutralBackground1, zIndex: 10 },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: '16px',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: '8px 16px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  brand: { fontSize: '18px', fontWeight: 600 },
  tools: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' },
  nav: { display: 'flex', gap: '16px', padding: '8px 16px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  // Message text is hostile and often one long token (URLs, scripts): wrap it rather than overflow into the next column.
  main: { padding: '16px', maxWidth: '90rem', overflowWrap: 'anywhere' },
});

function readStored(storage: Pick<Storage, 'getItem'> | undefined, key: string): string {
  try {
    return storage?.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function useHashRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => setHash(window.location.hash);
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}

function navigate(route: Route): void {
  window.location.hash = formatRoute(route);
}

/** The identity provider's answer, as /auth/callback reports it in ?signin= when sign-in did not complete. */
function signInOutcome(t: Strings): string | undefined {
  const outcome = new URLSearchParams(window.location.search).get('signin');
  return outcome === 'no-role' || outcome === 'failed' || outcome === 'expired' || outcome === 'denied' ? t.signInOutcome[outcome] : undefined;
}

interface SignInProps {
  t: Strings;
  onSignIn: (token: string) => Promise<void>;
  notice?: string;
  /** The identity provider's name when the service offers sign-in with it. */
  provider?: string;
  baseUrl: string;
}

function SignIn({ t, onSignIn, notice, provider, baseUrl }: SignInProps) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError(t.tokenRequired);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onSignIn(value);
    } catch (caught) {
      const status = caught instanceof ApiError ? caught.status : -1;
      setError(status === 401 ? t.tokenRejected : status === 403 ? t.tokenNotAnalyst : status === 0 ? t.networkError : (caught as Error).message);
      setBusy(false);
    }
  };
  return (
    <>
      <h1 style={{ fontSize: '24px', margin: '0 0 8px' }}>{t.signInTitle}</h1>
      <p>{t.signInIntro}</p>
      {notice && (
        <MessageBar intent="warning" data-testid="session-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {provider && (
        <p>
          <Button
            as="a"
            appearance="primary"
            data-testid="sign-in-provider"
            href={`${baseUrl}/auth/login?returnTo=${encodeURIComponent('/console.html' + window.location.hash)}`}
          >
            {t.signInWith(provider)}
          </Button>
        </p>
      )}
      <form onSubmit={submit} data-testid="sign-in" style={{ display: 'flex', flexDirection: 'column', gap: '12px', maxWidth: '32rem', marginTop: '12px' }}>
        <Field label={provider ? t.tokenLabelAutomation : t.tokenLabel} hint={t.tokenHint} validationMessage={error} validationState={error ? 'error' : 'none'}>
          <Input data-testid="token-input" type="password" autoComplete="off" spellCheck={false} value={token} onChange={(_, data) => setToken(data.value)} />
        </Field>
        <div>
          <Button type="submit" appearance={provider ? 'secondary' : 'primary'} disabled={busy} data-testid="sign-in-submit">
            {busy ? t.signingIn : t.signIn}
          </Button>
        </div>
      </form>
    </>
  );
}

export function ConsoleApp({ baseUrl = '', fetch, storage, preferences, browserLanguage }: ConsoleProps) {
  const styles = useStyles();
  const [language, setLanguage] = useState<Language>(() => {
    const saved = readStored(preferences, LANGUAGE_KEY);
    return saved === 'en' || saved === 'ja' ? saved : languageFor(browserLanguage ?? (typeof navigator === 'undefined' ? undefined : navigator.language));
  });
  const t = stringsFor(language);
  const [token, setToken] = useState(() => readStored(storage, TOKEN_KEY));
  // A signed-in person (session cookie), and what the service offers for signing in.
  const [me, setMe] = useState<Me>();
  const session = me?.signedIn && me.kind === 'session' ? me : undefined;
  const [version, setVersion] = useState<string>();
  const [notice, setNotice] = useState<string | undefined>(() => signInOutcome(stringsFor(language)));
  const route = useHashRoute();
  const pageKey = route.kind === 'report' || route.kind === 'campaign' || route.kind === 'remediation' ? `${route.kind}/${route.id}` : route.kind;
  const lastPage = useRef(pageKey);
  // Moving to another page (not another filter) puts keyboard and screen-reader focus at its start.
  useEffect(() => {
    if (lastPage.current === pageKey) return;
    lastPage.current = pageKey;
    document.getElementById('main')?.focus();
  }, [pageKey]);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t.appName;
  }, [language, t]);

  const signOut = useCallback(
    (message?: string) => {
      try {
        storage?.removeItem(TOKEN_KEY);
      } catch {
        // Storage unavailable: the token lived in memory only.
      }
      setToken('');
      setMe((current) => (current ? { signedIn: false, signIn: current.signIn, remediation: current.remediation } : current));
      setVersion(undefined);
      setNotice(message);
    },
    [storage],
  );

  // Is someone signed in already (the session cookie), and does the service offer sign-in?
  useEffect(() => {
    if (!token) new Api({ baseUrl, fetch }).me().then(setMe, () => undefined);
  }, [token, baseUrl, fetch]);

  const api = useMemo(
    () => {
      const onUnauthorized = () => signOut(stringsFor(language).sessionEnded);
      if (token) return new Api({ token, baseUrl, fetch, onUnauthorized });
      return session ? new Api({ csrfToken: session.csrfToken, baseUrl, fetch, onUnauthorized }) : undefined;
    },
    // The language only picks the wording of the notice; a new client is not needed for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [token, session?.csrfToken, baseUrl, fetch, signOut],
  );

  // With a token: who it is (its role decides which pages and actions are offered).
  useEffect(() => {
    if (!token || !api) return;
    let live = true;
    api.me().then(
      (answer) => live && setMe(answer),
      () => undefined, // 401 already signed out; without an answer the console offers the least.
    );
    return () => {
      live = false;
    };
  }, [token, api]);
  const role = me?.signedIn ? me.role : undefined;
  const isAdmin = roleIncludes(role, 'admin');
  const access = remediationAccess(me);

  // A token from an earlier visit in this tab: check it is still accepted.
  useEffect(() => {
    if (!api || version) return;
    api.status().then(
      (status) => setVersion(status.version),
      () => undefined, // 401 already signed out; other failures show on the page that loads next.
    );
  }, [api, version]);

  const signIn = async (candidate: string) => {
    const probe = new Api({ token: candidate, baseUrl, fetch });
    const status = await probe.status();
    try {
      storage?.setItem(TOKEN_KEY, candidate);
    } catch {
      // Keep it in memory only.
    }
    setNotice(undefined);
    setVersion(status.version);
    setToken(candidate);
  };

  const chooseLanguage = (value: string) => {
    const next: Language = value === 'ja' ? 'ja' : 'en';
    setLanguage(next);
    try {
      preferences?.setItem(LANGUAGE_KEY, next);
    } catch {
      // Not remembered; fine.
    }
  };

  let page;
  if (!api) page = <SignIn t={t} onSignIn={signIn} notice={notice} provider={me?.signIn.provider} baseUrl={baseUrl} />;
  else if (route.kind === 'report') page = <ReportView key={route.id} api={api} t={t} language={language} id={route.id} drafts={storage} navigate={navigate} />;
  else if (route.kind === 'campaign') page = <CampaignPage key={route.id} api={api} t={t} language={language} id={route.id} navigate={navigate} remediation={access} />;
  else if (route.kind === 'remediation') page = <RemediationPage key={route.id} api={api} t={t} language={language} id={route.id} access={access} />;
  else if (route.kind === 'audit') page = <AuditLog api={api} t={t} language={language} query={route.query} navigate={navigate} />;
  else if (route.kind === 'campaigns') page = <CampaignList api={api} t={t} language={language} offset={route.offset} navigate={navigate} />;
  else page = <Inbox api={api} t={t} language={language} query={route.query} navigate={navigate} />;

  const current = route.kind === 'campaign' || route.kind === 'campaigns' || route.kind === 'remediation' ? 'campaigns' : route.kind === 'audit' ? 'audit' : 'reports';
  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <a href="#main" className={styles.skip} onClick={(event) => {
        // The hash is the router's; move focus instead of navigating.
        event.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        {t.skipToContent}
      </a>
      <header className={styles.header}>
        <span className={styles.brand}>{t.appName}</span>
        <div className={styles.tools}>
          {session && (
            <span data-testid="signed-in-person">{t.signedInPerson(session.name ?? session.subject ?? '', t.roleNames[session.role as keyof Strings['roleNames']] ?? session.role ?? '')}</span>
          )}
          {version && <span data-testid="service-version">{t.signedInAs(version)}</span>}
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: '8px' }}>
            <Label htmlFor="console-language">{t.language}</Label>
            <Select id="console-language" data-testid="language-select" value={language} onChange={(_, data) => chooseLanguage(data.value)}>
              <option value="en" lang="en">
                {t.languageNames.en}
              </option>
              <option value="ja" lang="ja">
                {t.languageNames.ja}
              </option>
            </Select>
          </span>
          {api && (
            <Button
              data-testid="sign-out"
              onClick={() => {
                // A deliberate sign-out leaves nothing behind; drafts survive only an ended session (401).
                clearDrafts(storage);
                if (!session) return signOut();
                // A session ends at the service, then (where offered) at the identity provider too.
                api.signOut().then(
                  ({ endSessionUrl }) => (endSessionUrl ? window.location.assign(endSessionUrl) : signOut()),
                  () => signOut(),
                );
              }}
            >
              {t.signOut}
            </Button>
          )}
        </div>
      </header>
      {api && (
        <nav aria-label={t.navLabel} className={styles.nav}>
          <Link href={formatRoute({ kind: 'reports', query: {} })} aria-current={current === 'reports' ? 'page' : undefined} data-testid="nav-reports">
            {t.navReports}
          </Link>
          <Link href={formatRoute({ kind: 'campaigns', offset: 0 })} aria-current={current === 'campaigns' ? 'page' : undefined} data-testid="nav-campaigns">
            {t.navCampaigns}
          </Link>
          {isAdmin && (
            <Link href={formatRoute({ kind: 'audit', query: {} })} aria-current={current === 'audit' ? 'page' : undefined} data-testid="nav-audit">
              {t.audit.nav}
            </Link>
          )}
        </nav>
      )}
      <main id="main" tabIndex={-1} className={styles.main}>
        {page}
      </main>
    </FluentProvider>
  );
}
