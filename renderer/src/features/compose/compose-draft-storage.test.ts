import { describe, expect, it } from 'vitest';
import { hashPasswordPair } from './password';
import { initialDraft, type ComposeDraft } from './compose-draft';
import {
  draftKey,
  loadStoredCompose,
  parseStoredCompose,
  saveStoredCompose,
  clearStoredCompose,
  type DraftStorage,
} from './compose-draft-storage';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const filled = (): ComposeDraft => {
  const d = initialDraft();
  const pw = hashPasswordPair('s3cret-Pass', 's3cret-Pass');
  if (pw.kind !== 'hashed') throw new Error('no hash');
  return {
    ...d,
    hostname: 'web-7',
    cores: '2',
    memoryMiB: '51', // midway through typing: text is kept as typed
    storage: 'root:8(default)',
    interfaces: {
      text: 'eth0:name=eth1',
      rows: [{ label: 'eth0', constraints: [{ key: 'name', negated: false, value: 'eth1' }] }],
      source: 'rows',
    },
    perNicModes: { eth0: 'private' },
    start: true,
    virtType: 'qemu',
    cpuMode: 'custom',
    cpuModel: 'qemu64',
    install: { ...d.install, kind: 'cloud-image', image: { pool: 'default', volume: 'tiny.img', clone: 'copy' } },
    cloudInit: {
      ...d.cloudInit,
      user: 'lab',
      passwordHash: pw.hash,
      passwordProblem: null,
      chosenKeys: ['ssh-ed25519 AAAA x'],
      userData: '#cloud-config\n',
    },
  };
};

describe('compose draft storage', () => {
  it('keeps a draft per pod and gives it back as it was', () => {
    const st = memoryStorage();
    const d = filled();
    saveStoredCompose('h1', { draft: d, jobId: null }, st);
    saveStoredCompose('h2', { draft: { ...initialDraft(), hostname: 'other' }, jobId: 'job-9' }, st);
    expect(loadStoredCompose('h1', st)).toEqual({ draft: d, jobId: null });
    expect(loadStoredCompose('h2', st)).toEqual({ draft: { ...initialDraft(), hostname: 'other' }, jobId: 'job-9' });
    expect(loadStoredCompose('h3', st)).toBeNull();
  });

  it('never writes a clear password: only the $6$ hash, and no stale "they differ"', () => {
    const st = memoryStorage();
    const d = filled();
    saveStoredCompose(
      'h1',
      { draft: { ...d, cloudInit: { ...d.cloudInit, passwordProblem: 'The two passwords differ.' } }, jobId: null },
      st,
    );
    const text = st.items.get(draftKey('h1'))!;
    expect(text).not.toContain('s3cret-Pass');
    expect(text).toContain('$6$');
    expect(text).not.toContain('passwordProblem');
    expect(loadStoredCompose('h1', st)?.draft.cloudInit.passwordProblem).toBeNull();
  });

  it('a fresh draft without a job is removed, not written', () => {
    const st = memoryStorage();
    saveStoredCompose('h1', { draft: filled(), jobId: null }, st);
    saveStoredCompose('h1', { draft: initialDraft(), jobId: null }, st);
    expect(st.items.size).toBe(0);
    saveStoredCompose('h1', { draft: filled(), jobId: null }, st);
    clearStoredCompose('h1', st);
    expect(loadStoredCompose('h1', st)).toBeNull();
  });

  it('refuses what is not a draft: bad JSON, wrong types, a clear password where the hash goes', () => {
    expect(parseStoredCompose('{not json')).toBeNull();
    expect(parseStoredCompose('42')).toBeNull();
    expect(parseStoredCompose(JSON.stringify({ draft: { cores: 2 }, jobId: null }))).toBeNull();
    expect(parseStoredCompose(JSON.stringify({ draft: { virtType: 'xen' }, jobId: null }))).toBeNull();
    expect(
      parseStoredCompose(
        JSON.stringify({ draft: { cloudInit: { ...initialDraft().cloudInit, passwordHash: 'hunter2' } }, jobId: null }),
      ),
    ).toBeNull();
    expect(
      parseStoredCompose(
        JSON.stringify({
          draft: {
            interfaces: {
              text: '',
              rows: [{ label: 'x', constraints: [{ key: 'nokey', negated: false, value: '' }] }],
              source: 'rows',
            },
          },
        }),
      ),
    ).toBeNull();
  });

  it('a draft from an older build keeps its fields; the missing ones start fresh', () => {
    const got = parseStoredCompose(JSON.stringify({ draft: { hostname: 'old', cores: '4' } }));
    expect(got).toEqual({ draft: { ...initialDraft(), hostname: 'old', cores: '4' }, jobId: null });
  });

  it('a storage that throws (disabled, full) costs only the reload-survival', () => {
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => saveStoredCompose('h1', { draft: filled(), jobId: null }, broken)).not.toThrow();
    expect(loadStoredCompose('h1', broken)).toBeNull();
    expect(() => clearStoredCompose('h1', broken)).not.toThrow();
    expect(loadStoredCompose('h1', null)).toBeNull();
  });
});
