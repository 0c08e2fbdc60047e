// Checks a manifest against the add-in manifest XML schemas in ./schema with libxml2 (xmllint-wasm:
// libxml2 compiled to WebAssembly, so no system package and no network). Microsoft's own validator
// (npm run validate) needs its web service; this is the offline check that npm test runs.
// The add-in never loads it; the CLI does (lurelens manifest, lurelens doctor), so the Node build
// includes it and scripts/build-node.js puts ./schema beside the compiled file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

export const SCHEMA_DIR = path.join(__dirname, 'schema');

/** The root schema first, then the schemas it imports, by the file names their imports use. */
const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';
const IMPORTED_SCHEMAS = ['OfficeAppBasicTypesV1_0.xsd', 'MailAppVersionOverridesV1_0.xsd', 'MailAppVersionOverridesV1_1.xsd'];

export interface SchemaProblem {
  /** Line in the manifest, when libxml2 names one. */
  line?: number;
  message: string;
}

export interface SchemaResult {
  valid: boolean;
  problems: SchemaProblem[];
}

let schemas: { root: string; imports: { fileName: string; contents: string }[] } | undefined;

function loadSchemas() {
  schemas ??= {
    root: readFileSync(path.join(SCHEMA_DIR, ROOT_SCHEMA), 'utf8'),
    imports: IMPORTED_SCHEMAS.map((fileName) => ({ fileName, contents: readFileSync(path.join(SCHEMA_DIR, fileName), 'utf8') })),
  };
  return schemas;
}

/** Validates one manifest. Resolves with libxml2's findings; rejects only if the schemas themselves are broken. */
export async function checkManifestSchema(xml: string, fileName = 'manifest.xml'): Promise<SchemaResult> {
  const { root, imports } = loadSchemas();
  const result = await validateXML({ xml: [{ fileName, contents: xml }], schema: [{ fileName: ROOT_SCHEMA, contents: root }], preload: imports });
  return {
    valid: result.valid,
    problems: result.errors.map((error) => ({
      ...(error.loc?.lineNumber ? { line: error.loc.lineNumber } : {}),
      message: error.message.replace(/^.*?Schemas validity error : /, '').trim(),
    })),
  };
}
