// What reporting needs from the message being reported. The Office.js implementation is in
// office-item.ts; tests use a plain object. Keeping Office.js behind this keeps the report code testable
// and lets the Node build (service, CLI) compile this folder without Office types.

export interface ItemAttachmentInfo {
  id: string;
  name: string;
  contentType: string;
  /** Size in bytes as Outlook reports it. */
  size: number;
  isInline: boolean;
  /** 'item' is an attached Outlook message; 'cloud' a link to a shared file. */
  kind: 'file' | 'item' | 'cloud';
}

export interface AttachmentContent {
  /** Outlook's formats: file attachments arrive base64, attached messages as .eml text, cloud files as a URL. */
  format: 'base64' | 'eml' | 'url' | 'icalendar';
  content: string;
}

export interface ItemMailbox {
  name?: string;
  address: string;
}

export interface ReportItem {
  /** EWS item id (what displayNewMessageForm and convertToRestId take); absent for unsaved items. */
  itemId?: string;
  /** The same id in REST/Graph form, when the host can convert it. */
  restId?: string;
  /**
   * The address of the mailbox that holds the item when it is not the user's own (a shared mailbox, or
   * another person's folder opened as a delegate); undefined for the user's own mailbox or when the host
   * cannot tell (before Mailbox 1.8). Graph calls about the item go to this mailbox instead of /me.
   */
  sharedMailbox?(): Promise<string | undefined>;
  subject: string;
  internetMessageId?: string;
  from?: ItemMailbox;
  sender?: ItemMailbox;
  to: ItemMailbox[];
  cc: ItemMailbox[];
  /** When the message was sent or received, as the host knows it. */
  date?: Date;
  attachments: ItemAttachmentInfo[];
  /** The exact message (RFC 5322) base64; undefined when the host cannot provide it (before Mailbox 1.14). */
  getAsFile(): Promise<string | undefined>;
  /** The header block as received; undefined when the host cannot provide it. */
  getAllHeaders(): Promise<string | undefined>;
  getBody(format: 'text' | 'html'): Promise<string | undefined>;
  getAttachmentContent(id: string): Promise<AttachmentContent>;
}

export interface ReporterIdentity {
  address: string;
  name?: string;
}

/** Where the report was made from, for the security team's triage and for support. */
export interface ClientInfo {
  host?: string;
  platform?: string;
  version?: string;
  requirementSets?: string[];
  addinVersion?: string;
}

/** Opens Outlook's new-message form (the compose channel). */
export interface ComposeForm {
  open(form: { to: string[]; subject: string; htmlBody: string; attachItem?: { itemId: string; name: string } }): Promise<void>;
}
