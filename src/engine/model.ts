// The one message model. Every source (a raw .eml, an Outlook item) is translated into a
// MailMessage at the edge; the engine, the CLI, the pane and the service only ever see this.
// Everything in here came from the message and is hostile: never render it as HTML.

export interface MailAddress {
  /** Display name as decoded (RFC 2047 words decoded), possibly empty. */
  name: string;
  /** Address as written, trimmed. Compare with `address.toLowerCase()`. May be empty when unparseable. */
  address: string;
}

export interface HeaderField {
  /** Header name as it appeared (case preserved). */
  name: string;
  /** Unfolded value; encoded words are left as they were (raw). */
  value: string;
}

export interface MailLink {
  /** The real target, as written in the message (not yet canonicalised). */
  href: string;
  /** What the reader sees: anchor text for HTML links, the URL itself for plain-text links. */
  text: string;
  source: 'html' | 'text';
}

export interface MailAttachment {
  name: string;
  contentType: string;
  /** Size in bytes (of the decoded content when known). */
  size: number;
  /** Decoded bytes when the source provides them (eml does; Outlook details do not). */
  content?: Uint8Array;
  /** True for inline parts such as embedded images. */
  inline?: boolean;
}

/** Parts of the message the source could not provide; rules that need them report "not checked". */
export type MissingPart = 'headers' | 'body' | 'attachmentContent';

/**
 * Why a message that was provided could not be read completely. Unlike MissingPart (the source never
 * had it), these are refusals of the message itself: an attacker can nest parts or bloat headers so
 * that a parser gives up, and what it then skips would otherwise look clean.
 */
export type IncompleteReason =
  /** MIME parts nested deeper than the parser follows. */
  | 'mime-depth'
  /** A header section larger than the parser accepts. */
  | 'header-size'
  /** Boundaries missing or never closed, parts that could not be separated. */
  | 'mime-structure'
  /** More parts or attachments than are listed; the rest was not examined. */
  | 'part-limit'
  /** The MIME library failed for another reason; our own walker read what it could. */
  | 'parser-error';

/** A message this one carries: the original of a forward. */
export interface ForwardedMessage {
  /** 'attached': a message/rfc822 part; 'inline': a "Forwarded message" / 「転送メッセージ」 block in the text. */
  how: 'attached' | 'inline';
  /** Read as a message of its own. Inline originals carry only the header lines the forwarder quoted. */
  message: MailMessage;
}

/** Another address that wrote to the user under a name like this message's sender's. */
export interface Namesake {
  /** The display name it wrote under, as the mailbox shows it. */
  name: string;
  /** Its address, lower case. */
  address: string;
  /** Messages from it; a lower bound when `more` is set. */
  count: number;
  /** Set when there are more than `count` (the search stopped at its bound). */
  more?: boolean;
  /** ISO 8601 date of the earliest message from it that was seen. */
  since?: string;
}

/**
 * What the user's own mailbox remembers about this message's sender, looked up at the edge (the pane
 * asks Microsoft Graph) and handed to the engine with the message. Counts and addresses only: no
 * subjects, no bodies. Absent when nobody looked; a part in `unchecked` proves nothing either way.
 */
export interface SenderHistory {
  /** The From address it is about, lower case; ignored when it is not this message's. */
  address: string;
  /** Messages received from this exact address before this one. */
  received: { count: number; more?: boolean; since?: string };
  /** Messages the user sent to this address. */
  sent: { count: number; more?: boolean };
  /** Other addresses that wrote under a name like this sender's display name, most messages first; bounded. */
  namesakes: Namesake[];
  /** Parts the lookup could not complete (throttled, out of time, refused). */
  unchecked?: ('received' | 'sent' | 'namesakes')[];
}

export interface MailMessage {
  from?: MailAddress;
  /** On-behalf-of sender (Sender: header / Outlook `sender`) when it differs from `from`. */
  sender?: MailAddress;
  replyTo: MailAddress[];
  /** Envelope sender address from Return-Path, without angle brackets. */
  returnPath?: string;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  /** ISO 8601 when parseable. */
  date?: string;
  messageId?: string;
  /** All header fields in order, repeats kept. Empty when the source could not provide them. */
  headers: HeaderField[];
  /** Plain-text body; when only HTML exists this is the HTML's text content. */
  text: string;
  html?: string;
  links: MailLink[];
  attachments: MailAttachment[];
  /** What the source could not provide. */
  missing: MissingPart[];
  /** Set when the message itself could not be read completely (see IncompleteReason); absent when it was. */
  incomplete?: IncompleteReason[];
  /**
   * Text the HTML body holds but styles out of the reader's sight (display:none, zero font size, text
   * coloured like its background …). Kept out of `text`, capped; absent when there is none.
   */
  hiddenText?: string;
  /**
   * The HTML body's visible text (as `text` would be without a text/plain copy), kept when the message
   * has both copies so rules can compare them without reading the HTML again; absent otherwise.
   */
  htmlText?: string;
  /** Images the HTML body shows (img elements and image buttons); absent when there is no HTML body. */
  imageCount?: number;
  /** The HTML body's visible text in non-space characters, and how many sit inside its largest single link; absent without HTML. */
  linkedText?: { visible: number; inLargestLink: number };
  /** Originals this message forwards, read as messages; bounded in number and depth. Absent when none. */
  forwarded?: ForwardedMessage[];
  /** The sender as the user's mailbox remembers them; only where the pane could ask (see SenderHistory). */
  senderHistory?: SenderHistory;
}

export type Severity = 'low' | 'medium' | 'high';
/** 'structure': how the message is built (parts the parser could not read, hidden text, forwarded originals). */
export type FindingCategory = 'sender' | 'authentication' | 'wording' | 'links' | 'attachments' | 'structure';
export type VerdictLevel = 'clean' | 'suspicious' | 'dangerous';

/** Text for people, in both languages the product speaks. */
export interface LocalizedText {
  en: string;
  ja: string;
}

/** One character that differs from what the reader expects, made visible. */
export interface CharacterNote {
  char: string;
  /** e.g. "U+0456" */
  codePoint: string;
  /** e.g. "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I", or a script name when the full name is unknown. */
  description: string;
  /** Index (in code points) within the value it came from. */
  index: number;
}

/**
 * Structured evidence. Each kind is rendered specially by the pane and printed as-is by the CLI.
 * `field` names where in the message it was found (e.g. "from.name", "subject", "body", "headers.Reply-To").
 */
export type Evidence =
  | { kind: 'impersonation'; field: string; value: string; claimed: string; expected: string[]; actual: string; similarity?: number }
  | { kind: 'lookalike'; field: string; domain: string; resembles: string; technique: string; differences: CharacterNote[] }
  | { kind: 'address-mismatch'; field: string; shown: string; actual: string }
  | { kind: 'header'; name: string; value: string; meaning: LocalizedText }
  | {
      kind: 'authentication';
      method: 'spf' | 'dkim' | 'dmarc' | 'compauth' | 'arc';
      result: string;
      domain?: string;
      /** A raw token from the header for analysts ("action=quarantine"). */
      detail?: string;
      /** What this result means here when the plain reading of the result would mislead ("pass", but by the wrong signer). */
      meaning?: LocalizedText;
    }
  | { kind: 'characters'; field: string; value: string; characters: CharacterNote[] }
  | {
      kind: 'phrase';
      field: string;
      phrase: string;
      category: string;
      /** The match with some text either side, normalised (lower case, NFKC, single spaces). */
      context: string;
      /**
       * Code-unit offsets of the match in the field's normalised text (normalizeText of the subject, or
       * of the body as the message view reads it), so a reader can quote the message as it was written.
       */
      at?: { start: number; end: number };
    }
  /** `attachment`: the link is written inside this attached file (a PDF's button), so it has no link text of its own. */
  | { kind: 'link'; text: string; href: string; host: string; reason: LocalizedText; shownHost?: string; attachment?: string }
  | { kind: 'attachment'; name: string; contentType: string; reason: LocalizedText }
  | { kind: 'note'; text: LocalizedText };

export interface Finding {
  rule: string;
  severity: Severity;
  category: FindingCategory;
  title: LocalizedText;
  explanation: LocalizedText;
  /** MITRE ATT&CK technique, where one fits (T1566.001 attachment, T1566.002 link, T1656 impersonation). */
  technique?: string;
  evidence: Evidence[];
  /** A fact that helps the reader judge ("first message from this address"), not a warning sign: it adds no points. */
  informational?: boolean;
}

/** A rule that could not run because the source lacked something (e.g. headers on mobile). */
export interface NotChecked {
  rule: string;
  title: LocalizedText;
  missing: MissingPart;
}

export interface Verdict {
  verdict: VerdictLevel;
  /** 0-100. */
  score: number;
  /** Ordered by severity (high first), then by rule order. */
  findings: Finding[];
  notChecked: NotChecked[];
  /** The mailbox history the findings were judged with, when the pane had one (a report carries it to the analyst). */
  senderHistory?: SenderHistory;
}
