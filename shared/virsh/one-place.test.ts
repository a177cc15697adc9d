import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const HERE = path.relative(ROOT, __dirname);

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || rel === HERE ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** The engine's and shared/'s sources (tests may hold any argv as data). */
const files = [...sources('electron'), ...sources('shared')].map((f) => ({
  f,
  text: readFileSync(path.join(ROOT, f), 'utf8'),
}));

const hits = (re: RegExp) =>
  files.flatMap(({ f, text }) =>
    text.split('\n').flatMap((line, i) => (re.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
  );

describe('every virsh argv is built in shared/virsh', () => {
  it("no argv array starts with a literal 'virsh' elsewhere (use virshArgv and the builders)", () => {
    expect(hits(/\[\s*(['"`])virsh\1\s*[,\]]/)).toEqual([]);
  });

  it('no script line connects with -c (always --connect)', () => {
    expect(hits(/\bvirsh\b[^\n'"`]*\s-c\s/)).toEqual([]);
  });
});
