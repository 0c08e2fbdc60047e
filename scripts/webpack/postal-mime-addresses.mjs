// Stands in for 'postal-mime' in the browser bundles, for src/mail/headers.ts only (see webpack.config.js).
// headers.ts uses nothing but PostalMime.addressParser; importing the package's entry for it would also
// bring the whole MIME parser (and its HTML entity table, ~18 KB gzip) into the task pane. This gives
// the same function from postal-mime's own address-parser module, and nothing else: calling anything
// else on it fails loudly rather than silently doing less.
import addressParser from 'postal-mime/address-parser';

export default { addressParser };
export { addressParser };
