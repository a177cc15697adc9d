import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSnapshotOutput } from './parse-snapshot';
import { SNAPSHOT_SCRIPT } from './snapshot-script';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

describe('SNAPSHOT_SCRIPT', () => {
  it('reports seed tools in their own section; an older snapshot without it leaves tools unknown', () => {
    const out = (tools: string | undefined) =>
      [
        'LABDECK-SNAPSHOT 1 n',
        '@@@lds:n hostname',
        'h',
        '@@@lds:n system',
        'arch=x86_64',
        ...(tools !== undefined ? ['@@@lds:n tools', tools] : []),
        '@@@lds:n virsh absent',
        '@@@lds:n end',
        '',
      ].join('\n');
    expect(parseSnapshotOutput(out('genisoimage\nxorriso'), 'now').system).toEqual({
      arch: 'x86_64',
      tools: ['genisoimage', 'xorriso'],
    });
    expect(parseSnapshotOutput(out(''), 'now').system.tools).toEqual([]);
    expect(parseSnapshotOutput(out(undefined), 'now').system.tools).toBeUndefined();
  });

  it('holds no bash-only syntax that shows in the text', () => {
    // The template literal must not have eaten a `${…}` or a backslash.
    expect(SNAPSHOT_SCRIPT).toContain('${#cmd}');
    expect(SNAPSHOT_SCRIPT).toContain("printf '%s %s\\n'");
    expect(SNAPSHOT_SCRIPT).not.toMatch(/\[\[|^\s*local\s|<<<|^\s*function\s|\$\{[a-z_]+\/\//m);
  });

  it.skipIf(!has('dash'))('parses under dash', () => {
    expect(() => execFileSync('dash', ['-n'], { input: SNAPSHOT_SCRIPT })).not.toThrow();
  });

  it.skipIf(!has('dash') || !has('virsh'))('runs under dash on a test-driver host and parses back', () => {
    const uri = `test://${path.join(__dirname, 'fixtures', 'test-node.xml')}`;
    const stdout = execFileSync('dash', ['-s', '--', uri], { input: SNAPSHOT_SCRIPT, encoding: 'utf8' });
    const s = parseSnapshotOutput(stdout, 'now');
    expect(s.warnings).toBeUndefined();
    expect(s.libvirt?.uri).toBe(uri);
    expect(s.libvirt?.domains.map((d) => [d.name, d.state])).toEqual([
      ['web "prod" & co', 'running'],
      ['stopped', 'shut off'],
    ]);
    expect(s.libvirt?.pools[0]?.volumes).toHaveLength(2);
    // The seed tools this machine has, as `command -v` sees them.
    const tools = ['cloud-localds', 'genisoimage', 'mkisofs', 'xorriso'].filter(has);
    expect(s.system.tools).toEqual(tools);
    // /proc/meminfo in the same awk: MemTotal and MemAvailable, the host's real use between them.
    expect(s.system.memoryAvailableKiB).toBeGreaterThan(0);
    expect(s.system.memoryAvailableKiB).toBeLessThanOrEqual(s.system.memoryKiB!);
  });

  it.skipIf(!has('dash') || !has('virsh'))('reports a URI it cannot connect to as a libvirt error', () => {
    const stdout = execFileSync('dash', ['-s', '--', 'test:///nonexistent/node.xml'], {
      input: SNAPSHOT_SCRIPT,
      encoding: 'utf8',
    });
    const s = parseSnapshotOutput(stdout, 'now');
    expect(s.kind).toBe('pod');
    expect(s.libvirt?.error?.message).toMatch(/^failed to connect to the hypervisor — /);
    expect(s.warnings).toBeUndefined();
  });
});
