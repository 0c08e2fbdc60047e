// Office.context.requirements, asked the one way Microsoft documents: every Office.js API beyond the
// manifest's minimum (Mailbox 1.1) is used only after isSetSupported says its requirement set is there,
// not by probing whether a method happens to exist. Never throws: without Office.js nothing is supported.

/** The part of Office.context.requirements used here (a fake satisfies it in tests and the preview). */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Office.js's checker, when Office.js is loaded. */
export function officeRequirements(): RequirementChecker | undefined {
  return (globalThis as { Office?: { context?: { requirements?: RequirementChecker } } }).Office?.context?.requirements;
}

export function isSetSupported(name: string, version: string, requirements: RequirementChecker | undefined = officeRequirements()): boolean {
  try {
    return requirements?.isSetSupported(name, version) === true;
  } catch {
    return false;
  }
}

/** Mailbox requirement set `version` (e.g. "1.8": headers, attachment content, shared folders). */
export function mailboxSupports(version: string, requirements?: RequirementChecker): boolean {
  return isSetSupported('Mailbox', version, requirements ?? officeRequirements());
}
