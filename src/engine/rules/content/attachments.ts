// What an attachment is: its real extension as Windows sees it, how dangerous that type is,
// and what its bytes say. Shared by the attachment rules.
import type { MailAttachment } from '../../model';
import type { ResolvedPolicy } from '../../../policy/types';
import { BIDI_CONTROL, stripInvisible } from '../../text/normalize';
import { readArchive, sniff, type ArchiveListing, type SniffedKind } from './archives';

/** Types that run code as soon as they are opened (or mount something that does). */
export const RUNS_CODE: ReadonlySet<string> = new Set([
  'exe', 'scr', 'com', 'pif', 'cpl', 'dll', 'msi', 'msix', 'msp', 'appx', 'appxbundle', 'application', 'gadget',
  'bat', 'cmd', 'vbs', 'vbe', 'js', 'jse', 'wsf', 'wsh', 'wsc', 'hta', 'ps1', 'psm1', 'psd1', 'sct', 'jar',
  'lnk', 'url', 'scf', 'inf', 'reg', 'msc', 'library-ms', 'search-ms', 'searchconnector-ms', 'settingcontent-ms',
  'iso', 'img', 'vhd', 'vhdx', 'udf', 'chm', 'one', 'onepkg', 'xll', 'wll', 'appref-ms',
]);

/** Types that can carry code or a fake login page, but need the reader's help to do harm. */
export const NEEDS_HELP: ReadonlySet<string> = new Set([
  'docm', 'dotm', 'xlsm', 'xltm', 'xlsb', 'xlam', 'xla', 'pptm', 'potm', 'ppam', 'ppsm', 'sldm',
  'html', 'htm', 'shtml', 'xhtml', 'mht', 'mhtml', 'svg', 'svgz', 'iqy', 'slk', 'pub',
]);

/** Office documents (which macro coaching targets) and archives (which hide what they carry). */
export const OFFICE_DOCUMENTS: ReadonlySet<string> = new Set([
  'doc', 'docx', 'docm', 'dot', 'dotx', 'dotm', 'xls', 'xlsx', 'xlsm', 'xlsb', 'xlt', 'xltx', 'xltm', 'xlam',
  'ppt', 'pptx', 'pptm', 'pps', 'ppsx', 'ppsm', 'pot', 'potx', 'potm', 'rtf', 'one', 'pub',
]);
export const ARCHIVES: ReadonlySet<string> = new Set(['zip', 'rar', '7z', 'lzh', 'lha', 'cab', 'gz', 'tgz', 'tar', 'bz2', 'xz', 'ace', 'arj', 'zipx', 'uue']);
/** ZIP-based document formats: their inner part names are not files the reader will open. */
const ZIP_DOCUMENTS: ReadonlySet<string> = new Set([
  'docx', 'docm', 'dotx', 'dotm', 'xlsx', 'xlsm', 'xltx', 'xltm', 'xlam', 'pptx', 'pptm', 'ppsx', 'ppsm', 'potx', 'potm', 'ppam',
  'odt', 'ods', 'odp', 'odg', 'epub', 'xps', 'oxps', 'vsdx', 'apk', 'ipa', 'kmz', 'idml',
]);

/** Content types that name a runnable or risky format, whatever the file is called. */
const RUNNABLE_TYPES: ReadonlySet<string> = new Set([
  'application/x-msdownload', 'application/x-msdos-program', 'application/x-dosexec', 'application/x-executable',
  'application/vnd.microsoft.portable-executable', 'application/x-ms-shortcut', 'application/x-mswinurl',
  'application/hta', 'application/x-iso9660-image', 'application/x-ms-installer', 'application/x-msi',
  'application/vnd.ms-htmlhelp', 'application/onenote', 'application/msonenote', 'application/x-javascript',
  'application/javascript', 'text/javascript', 'text/jscript', 'text/vbscript', 'application/x-vbscript',
  'application/x-bat', 'application/x-ms-wim', 'application/x-virtualbox-vhd', 'application/java-archive',
]);
const HELPED_TYPES: ReadonlySet<string> = new Set([
  'text/html', 'application/xhtml+xml', 'image/svg+xml', 'message/rfc822+html', 'multipart/related+html',
  'application/vnd.ms-word.document.macroenabled.12', 'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/vnd.ms-excel.sheet.binary.macroenabled.12', 'application/vnd.ms-powerpoint.presentation.macroenabled.12',
  'application/vnd.ms-word.template.macroenabled.12', 'application/vnd.ms-excel.addin.macroenabled.12',
]);

/** Windows ignores trailing dots and spaces in file names; so do we when reading the extension. */
function trimTrailingDotsAndSpaces(name: string): string {
  let end = name.length;
  while (end > 0 && (name[end - 1] === '.' || name[end - 1] === ' ')) end--;
  return name.slice(0, end);
}

/**
 * The extension Windows uses to decide what opens the file: after the last ASCII dot of the real
 * name. Full-width dots and letters do not count ("report．exe" is not an .exe); invisible
 * characters do (they are part of the name), except that bidi controls only change the display.
 */
export function realExtension(name: string): string {
  const trimmed = trimTrailingDotsAndSpaces(name.replace(new RegExp(BIDI_CONTROL.source, 'g'), ''));
  const dot = trimmed.lastIndexOf('.');
  if (dot < 0 || dot === trimmed.length - 1) return '';
  const extension = trimmed.slice(dot + 1).toLowerCase();
  return /^[a-z0-9_-]{1,24}$/.test(extension) ? extension : '';
}

/** Name with the real extension removed (what a reader sees before it). */
export function stemOf(name: string): string {
  const trimmed = trimTrailingDotsAndSpaces(stripInvisible(name));
  const dot = trimmed.lastIndexOf('.');
  return dot < 0 ? trimmed : trimmed.slice(0, dot);
}

export type Danger = 'runs-code' | 'needs-help';

export function riskOfExtension(extension: string, policy: ResolvedPolicy): Danger | undefined {
  if (!extension) return undefined;
  if (RUNS_CODE.has(extension)) return 'runs-code';
  if (NEEDS_HELP.has(extension) || policy.riskyExtensions.has(extension)) return 'needs-help';
  return undefined;
}

export function riskOfContentType(contentType: string): Danger | undefined {
  const type = contentType.split(';', 1)[0].trim().toLowerCase();
  if (RUNNABLE_TYPES.has(type)) return 'runs-code';
  if (HELPED_TYPES.has(type)) return 'needs-help';
  return undefined;
}

export function riskOfSniffed(kind: SniffedKind | undefined): Danger | undefined {
  if (kind === 'executable' || kind === 'disk-image' || kind === 'shortcut' || kind === 'chm' || kind === 'onenote') return 'runs-code';
  if (kind === 'html' || kind === 'svg') return 'needs-help';
  return undefined;
}

/** What the rules need to know about one attachment; computed once per attachment and analysis. */
export interface AttachmentFacts {
  attachment: MailAttachment;
  extension: string;
  sniffed?: SniffedKind;
  /** Directory listing when the content is a ZIP/RAR/7z archive (not for ZIP-based documents' parts). */
  archive?: ArchiveListing;
  /** True for ZIP-based Office files carrying a VBA project (macros), whatever their extension. */
  hasMacros: boolean;
  isArchive: boolean;
  isOfficeDocument: boolean;
}

const factsCache = new WeakMap<MailAttachment, AttachmentFacts>();

export function attachmentFacts(attachment: MailAttachment): AttachmentFacts {
  const cached = factsCache.get(attachment);
  if (cached) return cached;
  const extension = realExtension(attachment.name);
  const content = attachment.content;
  const sniffed = content && content.length > 0 ? sniff(content) : undefined;
  const listing = content && (sniffed === 'zip' || sniffed === 'rar' || sniffed === '7z') ? readArchive(content) : undefined;
  const zipDocument = ZIP_DOCUMENTS.has(extension) || (listing?.format === 'zip' && listing.names.includes('[Content_Types].xml'));
  const hasMacros = Boolean(zipDocument && listing?.names.some((entry) => /(^|\/)vbaproject\.bin$/i.test(entry)));
  const facts: AttachmentFacts = {
    attachment,
    extension,
    sniffed,
    archive: zipDocument ? undefined : listing,
    hasMacros,
    isArchive: ARCHIVES.has(extension) || (!zipDocument && listing !== undefined),
    isOfficeDocument: OFFICE_DOCUMENTS.has(extension) || zipDocument || sniffed === 'ole',
  };
  factsCache.set(attachment, facts);
  return facts;
}

/** Attachments that are not delivery reports or forwarded headers, which never carry payloads. */
export function fileAttachments(attachments: readonly MailAttachment[]): MailAttachment[] {
  return attachments.filter((attachment) => {
    const type = attachment.contentType.split(';', 1)[0].trim().toLowerCase();
    return type !== 'message/delivery-status' && type !== 'text/rfc822-headers' && type !== 'message/disposition-notification';
  });
}

/** Caps the number of attachments examined: the work per attachment is bounded, so is the total. */
export const ATTACHMENT_LIMIT = 100;

export function displayName(attachment: MailAttachment): string {
  return attachment.name || '(no name)';
}

/** True when the name contains characters that reorder how it is displayed. */
export function hasBidiControl(name: string): boolean {
  return BIDI_CONTROL.test(name);
}
