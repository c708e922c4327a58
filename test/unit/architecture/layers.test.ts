// What may import what. Every folder of main/ opens with a README.md whose "May import:" line
// lists the folders its code may import; this test holds the code to those lines, so the map in
// the READMEs and docs/architecture.md cannot drift from the imports. A type-only import of the
// app's configuration (app/config.ts: the AppConfig type) is allowed everywhere: it is erased at
// build time and lets a service take the settings it reads without the root's code.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const MAIN = path.join(ROOT, 'main');
const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** 'meters', 'tariffs/pricing', … : every folder of main/ with a README, deepest first. */
const FOLDERS = walk(MAIN).filter((f) => path.basename(f) === 'README.md').map((f) => path.relative(MAIN, path.dirname(f)).split(path.sep).join('/'))
  .filter((f) => f !== '').sort((a, b) => b.length - a.length);

function ownerOf(file: string): string | null {
  const r = rel(file);
  if (r.startsWith('db/')) return 'db';
  if (r === 'preload/contract.ts' || r.startsWith('preload/contract/')) return 'preload/contract';
  if (!r.startsWith('main/')) return r;
  const inMain = r.slice('main/'.length);
  return FOLDERS.find((f) => inMain.startsWith(`${f}/`)) ?? null;
}

/** The "May import:" line of a folder's README: names, and names allowed for types only. */
function allowed(folder: string): { all: boolean; names: Set<string>; typesOnly: Set<string> } {
  const text = fs.readFileSync(path.join(MAIN, folder, 'README.md'), 'utf8');
  const line = /^May import: (.*)\.$/m.exec(text)?.[1];
  if (!line) throw new Error(`main/${folder}/README.md has no "May import: …." line`);
  const names = new Set<string>();
  const typesOnly = new Set<string>();
  for (const raw of line.split(',').map((s) => s.trim())) {
    if (raw === 'nothing (pure)') continue;
    const types = / \(types only\)$/.test(raw);
    (types ? typesOnly : names).add(raw.replace(/ \(types only\)$/, '').replace(/ \(.*\)$/, ''));
  }
  return { all: line.startsWith('every folder of main/'), names, typesOnly };
}

interface Import { from: string; to: string; typeOnly: boolean; spec: string }

function importsOf(file: string): Import[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of src.matchAll(/^\s*(import|export)(\s+type)?\b[^;]*?\sfrom\s+['"](\.{1,2}\/[^'"]+)['"]/gms)) {
    const base = path.resolve(path.dirname(file), m[3]!);
    const target = ['.ts', '.tsx', '/index.ts', ''].map((e) => base + e).find((p) => fs.existsSync(p) && fs.statSync(p).isFile()) ?? base;
    out.push({ from: file, to: target, typeOnly: Boolean(m[2]), spec: m[3]! });
  }
  return out;
}

export function violations(): string[] {
  const problems: string[] = [];
  for (const file of walk(MAIN).filter((f) => f.endsWith('.ts'))) {
    const owner = ownerOf(file);
    if (owner === null) {
      if (rel(file) !== 'main/index.ts') problems.push(`${rel(file)} is in no folder with a README`);
      continue; // main/index.ts starts Electron and may wire anything
    }
    const rules = allowed(owner);
    for (const i of importsOf(file)) {
      const to = ownerOf(i.to);
      if (to === owner) continue;
      if (i.typeOnly && rel(i.to) === 'main/app/config.ts') continue;
      const ok = to !== null && (rules.all || rules.names.has(to) || (i.typeOnly && rules.typesOnly.has(to)));
      if (!ok) problems.push(`${rel(file)} imports ${i.spec} (${to ?? rel(i.to)}), not in main/${owner}/README.md's "May import"`);
    }
  }
  return problems;
}

describe('main/ folders import only what their README allows', () => {
  it('every folder of main/ has a README with a "May import" line', () => {
    const dirs = fs.readdirSync(MAIN, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(dirs.filter((d) => !FOLDERS.includes(d))).toEqual([]);
    for (const f of FOLDERS) expect(() => allowed(f)).not.toThrow();
  });

  it('no import crosses a line the READMEs do not draw', () => {
    expect(violations()).toEqual([]);
  });
});
