import { describe, expect, it } from 'vitest';
import { ComposeRequest } from '../../../../shared/contract';
import { sha512Crypt } from '../../../../shared/cloud-init/sha512-crypt';
import { initialDraft, draftToRequest, type ComposeDraft } from './compose-draft';
import { initialCloudInit } from './cloud-init-draft';
import { hashPasswordPair } from './password';
import { mergeKeys } from './ssh-keys';
import { blocksStep, formBlocker } from './step-readiness';

const KEY_A = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFoxhg7VazuRSCV7oQ7xH3ziWikt+lI/ycJb3z7ukM7a labdeck-lab';
const KEY_A_OTHER_COMMENT =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFoxhg7VazuRSCV7oQ7xH3ziWikt+lI/ycJb3z7ukM7a me@laptop';
const KEY_B = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDpeWSlr+m6gsSU0Q3kpj2iatcoYBjdzts9Vl18nmOvx other';

const draft = (p: Partial<ComposeDraft> = {}): ComposeDraft => ({ ...initialDraft(), hostname: 'vm1', ...p });
const cloud = (p: Partial<ComposeDraft['cloudInit']> = {}): ComposeDraft =>
  draft({
    install: {
      ...initialDraft().install,
      kind: 'cloud-image',
      image: { pool: 'default', volume: 'tiny.img', clone: 'overlay' },
    },
    cloudInit: { ...initialCloudInit(), ...p },
  });
/** Every request the wizard builds must pass the contract the engine checks. */
const request = (d: ComposeDraft) => {
  const r = draftToRequest('h1', d);
  expect(r).not.toBeNull();
  expect(ComposeRequest.safeParse(r).success).toBe(true);
  return r!;
};

describe('draftToRequest: install sources', () => {
  it('network boot by default, sent explicitly, no seed', () => {
    const r = request(draft());
    expect(r.install).toEqual({ kind: 'network' });
    expect(r.cloudInit).toBeUndefined();
    expect(r.virtType).toBeUndefined();
    expect(r.cpuMode).toBeUndefined();
  });

  it('an empty disk', () => {
    expect(request(draft({ install: { ...initialDraft().install, kind: 'none' } })).install).toEqual({ kind: 'none' });
  });

  it('an ISO from a pool, without the cloud image chosen earlier', () => {
    const d = draft({
      install: {
        kind: 'iso',
        iso: { pool: 'default', volume: 'debian.iso' },
        image: { pool: 'default', volume: 'x.img', clone: 'copy' },
      },
    });
    expect(request(d).install).toEqual({ kind: 'iso', pool: 'default', volume: 'debian.iso' });
  });

  it('a cloud image as overlay or copy, with its cloud-init', () => {
    const r = request(cloud({ user: 'lab', chosenKeys: [KEY_A] }));
    expect(r.install).toEqual({ kind: 'cloud-image', pool: 'default', volume: 'tiny.img', clone: 'overlay' });
    expect(r.cloudInit).toEqual({ user: 'lab', sshKeys: [KEY_A] });
    const copy = cloud();
    copy.install.image.clone = 'copy';
    expect(request(copy).install).toMatchObject({ clone: 'copy' });
  });

  it('cloud-init is dropped when the install is not a cloud image', () => {
    const d = cloud({ user: 'lab' });
    d.install = { ...d.install, kind: 'network' };
    expect(request(d).cloudInit).toBeUndefined();
  });

  it('virt type, CPU mode, and the model only with a named model', () => {
    expect(request(draft({ virtType: 'qemu', cpuMode: 'host-model', cpuModel: 'Haswell' }))).toMatchObject({
      virtType: 'qemu',
      cpuMode: 'host-model',
    });
    expect(request(draft({ cpuMode: 'host-model', cpuModel: 'Haswell' })).cpuModel).toBeUndefined();
    expect(request(draft({ cpuMode: 'custom', cpuModel: ' qemu64 ' })).cpuModel).toBe('qemu64');
  });
});

describe('SSH keys', () => {
  it('chosen keys first, then typed ones, each key once whatever its comment', () => {
    expect(mergeKeys([KEY_A], `# mine\n${KEY_A_OTHER_COMMENT}\n\n  ${KEY_B}  \n${KEY_B}`)).toEqual([KEY_A, KEY_B]);
  });

  it('the merged list goes into the request', () => {
    expect(
      request(cloud({ chosenKeys: [KEY_A, KEY_A], otherKeys: `${KEY_B}\n${KEY_A_OTHER_COMMENT}` })).cloudInit?.sshKeys,
    ).toEqual([KEY_A, KEY_B]);
  });

  it('a line that is not a public key blocks the Install step, naming the line', () => {
    const b = formBlocker(cloud({ otherKeys: `${KEY_B}\nnot a key` }));
    expect(b?.step).toBe('install');
    expect(b?.message).toMatch(/Line 2/);
    expect(formBlocker(cloud({ otherKeys: '-----BEGIN OPENSSH PRIVATE KEY-----' }))?.message).toMatch(/private key/);
  });
});

describe('password', () => {
  const fixed = (n: number) => new Uint8Array(n).fill(7);

  it('is hashed with SHA-512 crypt: the request holds a $6$ hash that verifies, never the password', () => {
    const out = hashPasswordPair('s3cret pass', 's3cret pass', fixed);
    expect(out.kind).toBe('hashed');
    if (out.kind !== 'hashed') return;
    const [, , salt] = out.hash.split('$');
    expect(out.hash).toMatch(/^\$6\$[./A-Za-z0-9]{16}\$[./A-Za-z0-9]{86}$/);
    expect(out.hash).toBe(sha512Crypt('s3cret pass', salt!));
    const r = request(cloud({ passwordHash: out.hash }));
    expect(r.cloudInit?.passwordHash).toBe(out.hash);
    expect(JSON.stringify(r)).not.toContain('s3cret');
  });

  it('a fresh salt each time, from the random source given', () => {
    const a = hashPasswordPair('pw', 'pw');
    const b = hashPasswordPair('pw', 'pw');
    expect(a.kind === 'hashed' && b.kind === 'hashed' && a.hash !== b.hash).toBe(true);
  });

  it('differing or unconfirmed passwords give no hash, and the message holds nothing of them', () => {
    const out = hashPasswordPair('secret', 'secreT');
    expect(out).toEqual({ kind: 'mismatch', message: 'The two passwords differ.' });
    expect(hashPasswordPair('secret', '')).toMatchObject({ kind: 'mismatch' });
    expect(hashPasswordPair('', '')).toEqual({ kind: 'empty' });
  });

  it('an unsettled password blocks the Install step', () => {
    expect(formBlocker(cloud({ passwordProblem: 'The two passwords differ.' }))?.message).toMatch(
      /Password: The two passwords differ/,
    );
  });
});

describe('user-data', () => {
  it('valid #cloud-config is sent as typed', () => {
    const text = '#cloud-config\npackages:\n  - htop\n';
    expect(request(cloud({ userData: text })).cloudInit?.userData).toBe(text);
    expect(formBlocker(cloud({ userData: text }))).toBeNull();
  });

  it('broken YAML blocks the Install step with its line and column', () => {
    const b = formBlocker(cloud({ userData: '#cloud-config\npackages:\n  - htop\n bad: [\n' }));
    expect(b?.step).toBe('install');
    expect(b?.message).toMatch(/User-data: Line \d+, column \d+/);
    expect(blocksStep(b, 'resources')).toBe(false);
    expect(blocksStep(b, 'install')).toBe(true);
  });

  it('a missing header blocks too; blank user-data is none', () => {
    expect(formBlocker(cloud({ userData: 'packages: [htop]' }))?.message).toMatch(/#cloud-config/);
    expect(request(cloud({ userData: '  \n' })).cloudInit?.userData).toBeUndefined();
  });

  it('does not matter unless the install is a cloud image', () => {
    const d = cloud({ userData: 'nonsense: [' });
    d.install = { ...d.install, kind: 'iso', iso: { pool: 'default', volume: 'a.iso' } };
    expect(formBlocker(d)).toBeNull();
  });
});

describe('readiness', () => {
  it('an ISO or cloud image without a volume blocks the Install step', () => {
    expect(formBlocker(draft({ install: { ...initialDraft().install, kind: 'iso' } }))).toMatchObject({
      step: 'install',
    });
    expect(formBlocker(draft({ install: { ...initialDraft().install, kind: 'cloud-image' } }))?.message).toMatch(
      /cloud image/,
    );
  });

  it('a named CPU model mode without a model blocks Resources', () => {
    expect(formBlocker(draft({ cpuMode: 'custom' }))).toMatchObject({ step: 'resources' });
  });

  it('a bad user name blocks', () => {
    expect(formBlocker(cloud({ user: 'Root' }))?.message).toMatch(/User name/);
  });
});
