import { describe, expect, it } from 'vitest';
import { consoleFacts, SERIAL_BANNER, serialFailure } from './console-xml';

const dom = (devices: string) => `<domain type='qemu'><name>vm1</name><devices>${devices}</devices></domain>`;

describe('console facts from the live domain XML', () => {
  it('finds the serial port and a loopback VNC port', () => {
    const f = consoleFacts(
      dom(
        `<serial type='pty'><source path='/dev/pts/3'/></serial><console type='pty'/><graphics type='vnc' port='5901' autoport='yes' listen='127.0.0.1'><listen type='address' address='127.0.0.1'/></graphics>`,
      ),
    );
    expect(f).toEqual({ serial: true, vnc: { kind: 'tcp', address: '127.0.0.1', port: 5901, passwordSet: false } });
  });
  it('reaches a display listening on every address through the loopback', () => {
    expect(
      consoleFacts(
        dom(
          `<graphics type='vnc' port='5900' listen='0.0.0.0' passwd='x'><listen type='address' address='0.0.0.0'/></graphics>`,
        ),
      ).vnc,
    ).toEqual({
      kind: 'tcp',
      address: '127.0.0.1',
      port: 5900,
      passwordSet: true,
    });
  });
  it('uses a UNIX socket display as it is', () => {
    expect(
      consoleFacts(dom(`<graphics type='vnc'><listen type='socket' socket='/run/libvirt/qemu/vnc.sock'/></graphics>`))
        .vnc,
    ).toEqual({ kind: 'unix', path: '/run/libvirt/qemu/vnc.sock', passwordSet: false });
  });
  it('says why there is no display', () => {
    expect(consoleFacts(dom(`<serial type='pty'/>`))).toEqual({
      serial: true,
      vncProblem: 'This VM has no VNC display.',
    });
    expect(consoleFacts(dom(`<graphics type='vnc' port='-1' autoport='yes'/>`)).vncProblem).toMatch(/no port yet/);
    expect(consoleFacts(dom(`<graphics type='vnc'><listen type='none'/></graphics>`)).vncProblem).toMatch(
      /listen type none/,
    );
    expect(consoleFacts('not xml').serial).toBe(false);
  });
});

describe('serial console failures in words', () => {
  it('names a console held by another client and offers the take-over', () => {
    expect(
      serialFailure('error: operation failed: Active console session exists for this domain\r\n', 'vm1'),
    ).toMatchObject({ takeover: true, message: 'Another client holds the serial console of vm1.' });
  });
  it('names a VM that is not running or has no serial port', () => {
    expect(serialFailure('error: Requested operation is not valid: domain is not running', 'vm1').message).toBe(
      'vm1 is not running: start it to use its console.',
    );
    expect(serialFailure('error: internal error: cannot find character device <null>', 'vm1').message).toMatch(
      /no serial console/,
    );
    expect(serialFailure('error: something else\n', 'vm1').message).toMatch(
      /could not be opened: error: something else/,
    );
  });
  it('recognises the banner virsh prints once attached', () => {
    expect(SERIAL_BANNER.test("Connected to domain 'vm1'\r\nEscape character is ^] (Ctrl + ])\r\n")).toBe(true);
  });
});
