#!/usr/bin/env node
// Part of `npm run build:node`: copies the non-TypeScript files the Node build needs at run time next
// to the compiled code, so dist/node works on its own (as it does in the release package). Today: the
// add-in manifest XML schemas that src/manifest/schema-check.ts reads from its own directory.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const ASSETS = [{ from: 'src/manifest/schema', to: 'dist/node/src/manifest/schema' }];

for (const { from, to } of ASSETS) {
  const target = path.join(root, to);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(path.join(root, from), target, { recursive: true });
}
