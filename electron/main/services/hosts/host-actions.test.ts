import { describe, expect, it } from 'vitest';
import { domainActionArgv, networkActionArgv } from './host-actions';

// Issue 10, defect 5: a libvirt name may begin with '-'; it must never stand where virsh reads options.
describe('virsh argv for VM and network actions', () => {
  const name = '--help';
  it('resumes a paused VM with virsh resume --domain NAME', () => {
    expect(domainActionArgv('resume', 'lab-paused', true, false)).toEqual([['resume', '--domain', 'lab-paused']]);
  });
  it('puts every domain name behind --domain', () => {
    for (const action of ['start', 'resume', 'shutdown', 'reboot', 'destroy', 'delete'] as const) {
      for (const argv of domainActionArgv(action, name, true, true, ['vda'])) {
        const at = argv.indexOf(name);
        expect(at, `${action}: ${argv.join(' ')}`).toBeGreaterThan(0);
        expect(argv[at - 1]).toBe('--domain');
      }
    }
  });
  it('puts every network name behind --network', () => {
    for (const action of ['start', 'stop', 'autostart-on', 'autostart-off'] as const) {
      const argv = networkActionArgv(action, name);
      expect(argv[argv.indexOf(name) - 1]).toBe('--network');
    }
  });
});
