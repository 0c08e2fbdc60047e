// jose and openid-client ship as ES modules only; the service compiles to CommonJS, so they are
// loaded with import() once and shared. Types come through `resolution-mode: import`.
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };
import type * as OpenIdClientModule from 'openid-client' with { 'resolution-mode': 'import' };

export type Jose = typeof JoseModule;
export type OpenIdClient = typeof OpenIdClientModule;

let jose: Promise<Jose> | undefined;
let openIdClient: Promise<OpenIdClient> | undefined;

export function loadJose(): Promise<Jose> {
  jose ??= import('jose');
  return jose;
}

export function loadOpenIdClient(): Promise<OpenIdClient> {
  openIdClient ??= import('openid-client');
  return openIdClient;
}
