// Stands in for the engine's byte readers of attachments (src/engine/rules/content/archives.ts) in
// the task pane's build (webpack.config.js). Outlook gives the pane attachment details only, never
// their bytes (src/office/read-message.ts: attachmentContent is missing), so the engine never calls
// these there (content/attachments.ts reads bytes only when an attachment has them), and the ZIP,
// RAR, 7z and file-signature readers would be first-load bytes for nothing. The preview, which opens
// .eml files with their attachments, keeps the real readers, as do the CLI and the service. Should
// the pane ever be given bytes, reading them fails loudly rather than quietly reading less.
import type * as Archives from '../../src/engine/rules/content/archives';

function absent(): never {
  throw new Error('attachment byte readers are not in the task pane build: the pane never has attachment bytes (scripts/webpack/archives-absent.ts)');
}

export const sniff: typeof Archives.sniff = absent;
export const readArchive: typeof Archives.readArchive = absent;
