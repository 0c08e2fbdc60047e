// The two things office-auth.ts needs from MSAL, as named imports: MSAL's ES module build is marked
// free of side effects, so webpack keeps nested app authentication and drops the rest of the library
// (about 10 KB gzip less than the whole module). The task pane loads this file lazily; the Report
// button's single-file bundle imports it statically.
import { createNestablePublicClientApplication, InteractionRequiredAuthError } from '@azure/msal-browser';
import type { MsalModule } from './office-auth';

export const nestedAppAuthMsal: MsalModule = { createNestablePublicClientApplication, InteractionRequiredAuthError };
