import { describe, expect, it } from 'vitest';
import { checkUserData } from './user-data';

describe('checkUserData', () => {
  it('accepts a #cloud-config mapping, read as YAML 1.1 like cloud-init does', () => {
    const r = checkUserData('#cloud-config\r\npackages: [vim]\nssh_pwauth: yes\nmode: 0644\n');
    expect(r).toEqual({ ok: true, config: { packages: ['vim'], ssh_pwauth: true, mode: 0o644 } });
  });

  it('accepts a header with nothing after it as an empty config', () => {
    expect(checkUserData('#cloud-config\n')).toEqual({ ok: true, config: {} });
    expect(checkUserData('#cloud-config   \n# only a comment\n')).toEqual({ ok: true, config: {} });
  });

  it.each([
    ['', /empty/],
    ['   \n', /empty/],
    ['#!/bin/sh\necho hi\n', /script .*only #cloud-config.*runcmd/],
    ['#include\nhttps://example.com/ud\n', /#include .*not supported/],
    ['#include-once https://x\n', /#include/],
    ['## template: jinja\n#cloud-config\n', /Jinja/],
    ['#cloud-boothook\n#!/bin/sh\n', /Boothooks/],
    ['#cloud-config-archive\n- type: text/x-shellscript\n', /different format/],
    ['\u001f\ufffd\u0008', /gzip/],
    ['Content-Type: multipart/mixed; boundary="x"\n', /MIME/],
    ['\n#cloud-config\nhostname: a\n', /very first line.*line 2/],
    ['hostname: a\n', /first line must be exactly #cloud-config.*"hostname: a"/],
    ['#cloud-config: yes\n', /first line must be exactly/],
  ])('refuses %j', (text, message) => {
    const r = checkUserData(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toMatch(message);
      expect(r.line).toBe(1);
    }
  });

  it('reports YAML errors with line and column', () => {
    const r = checkUserData('#cloud-config\npackages:\n  - vim\n runcmd: [\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.line).toBeGreaterThanOrEqual(2);
      expect(r.column).toBeGreaterThanOrEqual(1);
      expect(r.message).toMatch(/^Line \d+, column \d+: /);
    }
    expect(checkUserData('#cloud-config\nhostname: a\nhostname: b\n')).toEqual({
      ok: false,
      message: 'Line 3, column 1: Map keys must be unique.',
      line: 3,
      column: 1,
    });
  });

  it('refuses tags PyYAML safe_load would refuse', () => {
    const r = checkUserData('#cloud-config\nx: !!python/object:os.system ls\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Line 2, column 4: unknown YAML tag/);
  });

  it('wants a mapping at the top', () => {
    expect(checkUserData('#cloud-config\n- a\n- b\n')).toMatchObject({
      ok: false,
      message: /mapping at the top/,
      line: 2,
    });
    expect(checkUserData('#cloud-config\njust text\n')).toMatchObject({ ok: false, message: /mapping at the top/ });
  });

  it('refuses a document that expands aliases without bound', () => {
    const lines = ['#cloud-config', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++)
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    const r = checkUserData(lines.join('\n') + '\n');
    expect(r).toMatchObject({ ok: false, message: /cannot be read/ });
  });

  it('refuses two YAML documents in one', () => {
    expect(checkUserData('#cloud-config\na: 1\n---\nb: 2\n')).toMatchObject({
      ok: false,
      message: /single YAML document/,
      line: 3,
    });
  });
});
