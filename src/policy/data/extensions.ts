// Attachment types that run code or carry it past mail filters. Ordinary documents (pdf, docx,
// xlsx, zip) are deliberately absent: they are everyday mail, and the rules judge them by context.

export type RiskyExtensionKind =
  /** Runs as a program when opened. */
  | 'executable'
  /** A script or shortcut that Windows runs with a built-in interpreter. */
  | 'script'
  /** A container that Windows mounts with a double-click; it hides the files inside from mail filters and strips the "downloaded from the internet" mark. */
  | 'disk-image'
  /** An Office document that can carry macros. */
  | 'macro-enabled'
  /** A page that can assemble and download a file, or show a sign-in form, inside the browser. */
  | 'html-smuggling'
  /** A document format that embeds or launches other content (OneNote, compiled help). */
  | 'embedding';

export interface RiskyExtension {
  extension: string;
  kind: RiskyExtensionKind;
  /** What it is, in a few words, for explanations. */
  what: string;
}

export const RISKY_EXTENSION_KINDS: Record<RiskyExtensionKind, { en: string; ja: string }> = {
  executable: { en: 'program', ja: '実行ファイル' },
  script: { en: 'script or shortcut', ja: 'スクリプト・ショートカット' },
  'disk-image': { en: 'disk image', ja: 'ディスクイメージ' },
  'macro-enabled': { en: 'macro-enabled Office document', ja: 'マクロ付き Office 文書' },
  'html-smuggling': { en: 'web page (HTML smuggling)', ja: 'Web ページ(HTML スマグリング)' },
  embedding: { en: 'document that embeds other files', ja: '他のファイルを埋め込める文書' },
};

export const RISKY_EXTENSIONS: readonly RiskyExtension[] = [
  // Programs
  { extension: 'exe', kind: 'executable', what: 'Windows program' },
  { extension: 'com', kind: 'executable', what: 'DOS program' },
  { extension: 'scr', kind: 'executable', what: 'screen saver (a program)' },
  { extension: 'pif', kind: 'executable', what: 'program information file' },
  { extension: 'cpl', kind: 'executable', what: 'Control Panel item (a DLL)' },
  { extension: 'dll', kind: 'executable', what: 'program library' },
  { extension: 'msi', kind: 'executable', what: 'Windows installer' },
  { extension: 'msix', kind: 'executable', what: 'app package installer' },
  { extension: 'msp', kind: 'executable', what: 'Windows installer patch' },
  { extension: 'appx', kind: 'executable', what: 'app package installer' },
  { extension: 'appxbundle', kind: 'executable', what: 'app package installer' },
  { extension: 'jar', kind: 'executable', what: 'Java program' },
  { extension: 'xll', kind: 'executable', what: 'Excel add-in (a DLL)' },
  // Scripts and shortcuts
  { extension: 'lnk', kind: 'script', what: 'Windows shortcut that can run any command' },
  { extension: 'url', kind: 'script', what: 'internet shortcut' },
  { extension: 'bat', kind: 'script', what: 'batch script' },
  { extension: 'cmd', kind: 'script', what: 'batch script' },
  { extension: 'ps1', kind: 'script', what: 'PowerShell script' },
  { extension: 'vbs', kind: 'script', what: 'VBScript' },
  { extension: 'vbe', kind: 'script', what: 'encoded VBScript' },
  { extension: 'js', kind: 'script', what: 'JScript (runs on Windows, not in a browser)' },
  { extension: 'jse', kind: 'script', what: 'encoded JScript' },
  { extension: 'wsf', kind: 'script', what: 'Windows Script File' },
  { extension: 'wsh', kind: 'script', what: 'Windows Script Host settings' },
  { extension: 'hta', kind: 'script', what: 'HTML application (runs with full rights)' },
  { extension: 'reg', kind: 'script', what: 'registry change' },
  { extension: 'iqy', kind: 'script', what: 'Excel web query' },
  { extension: 'slk', kind: 'script', what: 'SYLK spreadsheet that can run commands' },
  { extension: 'scf', kind: 'script', what: 'Explorer command file' },
  { extension: 'settingcontent-ms', kind: 'script', what: 'Windows settings shortcut' },
  // Disk images
  { extension: 'iso', kind: 'disk-image', what: 'disk image' },
  { extension: 'img', kind: 'disk-image', what: 'disk image' },
  { extension: 'vhd', kind: 'disk-image', what: 'virtual hard disk' },
  { extension: 'vhdx', kind: 'disk-image', what: 'virtual hard disk' },
  // Macro-enabled Office documents
  { extension: 'docm', kind: 'macro-enabled', what: 'Word document with macros' },
  { extension: 'dotm', kind: 'macro-enabled', what: 'Word template with macros' },
  { extension: 'xlsm', kind: 'macro-enabled', what: 'Excel workbook with macros' },
  { extension: 'xltm', kind: 'macro-enabled', what: 'Excel template with macros' },
  { extension: 'xlam', kind: 'macro-enabled', what: 'Excel add-in with macros' },
  { extension: 'xlsb', kind: 'macro-enabled', what: 'Excel binary workbook (can hold macros)' },
  { extension: 'pptm', kind: 'macro-enabled', what: 'PowerPoint presentation with macros' },
  { extension: 'potm', kind: 'macro-enabled', what: 'PowerPoint template with macros' },
  { extension: 'ppam', kind: 'macro-enabled', what: 'PowerPoint add-in with macros' },
  { extension: 'ppsm', kind: 'macro-enabled', what: 'PowerPoint show with macros' },
  { extension: 'sldm', kind: 'macro-enabled', what: 'PowerPoint slide with macros' },
  { extension: 'accde', kind: 'macro-enabled', what: 'compiled Access database' },
  // HTML smuggling and credential pages
  { extension: 'htm', kind: 'html-smuggling', what: 'web page' },
  { extension: 'html', kind: 'html-smuggling', what: 'web page' },
  { extension: 'shtml', kind: 'html-smuggling', what: 'web page' },
  { extension: 'xhtml', kind: 'html-smuggling', what: 'web page' },
  { extension: 'mht', kind: 'html-smuggling', what: 'saved web page' },
  { extension: 'mhtml', kind: 'html-smuggling', what: 'saved web page' },
  { extension: 'svg', kind: 'html-smuggling', what: 'SVG image (can contain script)' },
  // Containers that embed or launch other content
  { extension: 'one', kind: 'embedding', what: 'OneNote notebook section (can embed scripts behind buttons)' },
  { extension: 'chm', kind: 'embedding', what: 'compiled help file (can run scripts)' },
];

const BY_EXTENSION = new Map(RISKY_EXTENSIONS.map((entry) => [entry.extension, entry]));

/** The built-in entry for an extension ("docm", ".DOCM"), or undefined if it is not built in. */
export function builtInRiskyExtension(extension: string): RiskyExtension | undefined {
  return BY_EXTENSION.get(extension.replace(/^\./, '').toLowerCase());
}
