// A channel's name tells where its code lives: every namespace is answered by exactly one
// main/<domain>/handlers.ts, and every channel of the contract is answered. (The compiler already
// ties each handlers file to its namespaces through NamespaceHandlers; this test also catches a
// channel answered outside a handlers file, e.g. spread in from somewhere else.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../preload/contract';

const MAIN = path.resolve(__dirname, '../../../main');
const namespaceOf = (channel: string) => channel.slice(0, channel.indexOf('.'));
const KNOWN = new Set(CHANNELS.map(namespaceOf));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Channel names used as object keys ('sales.sell': …) in a source file. */
export function answeredChannels(source: string): string[] {
  return [...source.matchAll(/^\s*'([a-z][A-Za-z]*\.[a-z][A-Za-z]*)'\s*:/gm)].map((m) => m[1]!).filter((c) => KNOWN.has(namespaceOf(c)));
}

/** file (relative to main/) -> the channels it answers, for every file of main/ that answers any. */
export function handlerFiles(root = MAIN): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of sourceFiles(root)) {
    const found = answeredChannels(fs.readFileSync(f, 'utf8'));
    if (found.length) out.set(path.relative(root, f).split(path.sep).join('/'), found);
  }
  return out;
}

/** Namespaces answered by more than one file, and channels answered more than once. */
export function splitNamespaces(files: Map<string, string[]>): string[] {
  const where = new Map<string, Set<string>>();
  const count = new Map<string, number>();
  for (const [file, channels] of files) {
    for (const c of channels) {
      const ns = namespaceOf(c);
      if (!where.has(ns)) where.set(ns, new Set());
      where.get(ns)!.add(file);
      count.set(c, (count.get(c) ?? 0) + 1);
    }
  }
  return [
    ...[...where].filter(([, f]) => f.size > 1).map(([ns, f]) => `${ns}: ${[...f].sort().join(', ')}`),
    ...[...count].filter(([, n]) => n > 1).map(([c, n]) => `${c} answered ${n} times`),
  ];
}

describe('each namespace is handled in one place', () => {
  const files = handlerFiles();

  it('only main/<domain>/handlers.ts files answer channels', () => {
    expect([...files.keys()].filter((f) => !/^[a-z-]+\/handlers\.ts$/.test(f))).toEqual([]);
  });

  it('no namespace is answered by two files, and no channel twice', () => {
    expect(splitNamespaces(files)).toEqual([]);
  });

  it('every channel of the contract is answered', () => {
    const answered = new Set([...files.values()].flat());
    expect(CHANNELS.filter((c) => !answered.has(c))).toEqual([]);
  });

  it('notices a namespace split over two handlers files', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shahn-handlers-'));
    try {
      for (const [dir, channel] of [['a', 'sales.get'], ['b', 'sales.sell']] as const) {
        fs.mkdirSync(path.join(tmp, dir));
        fs.writeFileSync(path.join(tmp, dir, 'handlers.ts'), `export const h = {\n  '${channel}': () => 1,\n};\n`);
      }
      expect(splitNamespaces(handlerFiles(tmp))).toEqual(['sales: a/handlers.ts, b/handlers.ts']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
