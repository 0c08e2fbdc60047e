// Stands in for 'fflate' in the task pane's build (webpack.config.js). Outlook gives the pane attachment
// details only, never their bytes (src/office/read-message.ts: attachmentContent is false), so the
// engine's ZIP reader (src/engine/rules/content/archives.ts) has nothing to inflate there, and fflate
// would be 2 KB gzip of the first load for nothing. The preview, which opens .eml files with their
// attachments, keeps the real fflate. Should the pane ever be given bytes, inflating fails loudly
// rather than quietly reading less.
export class Inflate {
  constructor() {
    throw new Error('fflate is not in the task pane build: the pane never has attachment bytes (scripts/webpack/fflate-absent.mjs)');
  }
}
