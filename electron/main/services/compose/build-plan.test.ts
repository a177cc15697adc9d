import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError, HostConfig } from '../../../../shared/contract';
import { ComposePlan, ComposeRequest } from '../../../../shared/contract/compose';
import { emptyMarks } from '../../../../shared/compose/marks';
import { parseSnapshotOutput } from '../../../../shared/snapshot/parse-snapshot';
import { buildPlan } from './build-plan';
import { verifyDomain } from './verify';

const snapshot = parseSnapshotOutput(
  readFileSync(path.join(__dirname, '../../../../shared/snapshot/fixtures/labhost1.txt'), 'utf8'),
  '2026-01-01T00:00:00Z',
);
const host = HostConfig.parse({
  id: 'h1',
  name: 'labhost1',
  address: '10.99.1.2',
  port: 22,
  user: 'root',
  auth: { method: 'agent' },
  libvirtUri: 'qemu:///system',
  addedAt: '2026-01-01T00:00:00Z',
  kind: 'pod',
});
let n = 0;
const random = (k: number) => Uint8Array.from({ length: k }, () => ++n);

function plan(over: Partial<ComposeRequest> = {}, h: HostConfig = host) {
  const req = ComposeRequest.parse({ hostId: 'h1', memoryMiB: 32, virtType: 'qemu', nicRom: false, ...over });
  return buildPlan({
    host: h,
    snapshot,
    marks: emptyMarks(),
    req,
    name: 'vm1',
    virt: { virtType: 'qemu', cpuMode: 'default', reason: 'test' },
    random,
  });
}

function failure(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('buildPlan on the labhost1 snapshot', () => {
  it('produces a plan the contract accepts, with quoted commands and their undos', () => {
    const { plan: p, steps } = plan({ interfaces: 'eth0:ip=192.168.122.50', start: true });
    expect(ComposePlan.parse(p)).toEqual(p);
    expect(p.nics[0]).toMatchObject({
      attach: { type: 'network', network: 'default' },
      reservation: { network: 'default', ip: '192.168.122.50' },
    });
    expect(steps.map((s) => s.kind)).toEqual(['create-volume', 'reserve-ip', 'define', 'start']);
    expect(p.commands[1]?.command).toMatch(
      /^virsh --connect qemu:\/\/\/system net-update --network default --command add --section ip-dhcp-host --xml '<host mac=/,
    );
    expect(p.commands[3]).toMatchObject({
      command: 'virsh --connect qemu:///system start --domain vm1',
      rollback: 'virsh --connect qemu:///system destroy --domain vm1',
    });
    expect(p.domainXml).toContain(p.nics[0]!.mac);
  });

  it("uses the pod's default macvtap mode unless the request names one", () => {
    const pod = HostConfig.parse({ ...host, pod: { defaultMacvlanMode: 'vepa', installMode: 'manual' } });
    expect(plan({ interfaces: 'eth0:name=eth1' }, pod).plan.nics[0]?.attach).toEqual({
      type: 'direct',
      dev: 'eth1',
      mode: 'vepa',
    });
    expect(plan({ interfaces: 'eth0:name=eth1', macvlanMode: 'private' }, pod).plan.nics[0]?.attach).toMatchObject({
      mode: 'private',
    });
    expect(
      plan({ interfaces: 'eth0:name=eth1', perNicModes: { eth0: 'passthrough' } }, pod).plan.nics[0]?.attach,
    ).toMatchObject({ mode: 'passthrough' });
  });

  it('reports grammar mistakes as validation errors with the position', () => {
    expect(failure(() => plan({ interfaces: 'eth0:name=br0,x' })).shape).toMatchObject({
      kind: 'validation',
      position: 14,
    });
    expect(failure(() => plan({ storage: 'root:x' })).shape).toMatchObject({ kind: 'validation', position: 5 });
    expect(
      failure(() => plan({ storage: 'root:1(nosuchpool)', interfaces: 'eth0:name=nonesuch' })).shape.message,
    ).toMatch(/^interfaces: /);
  });

  it('lists a taken name as a conflict', () => {
    const req = ComposeRequest.parse({ hostId: 'h1' });
    const p = buildPlan({
      host,
      snapshot,
      marks: emptyMarks(),
      req,
      name: 'lab-running',
      virt: { virtType: 'qemu', cpuMode: 'default', reason: 'test' },
      random,
    }).plan;
    expect(p.conflicts).toEqual([`A VM named 'lab-running' already exists on labhost1.`]);
  });
});

describe('verifyDomain', () => {
  const { plan: p } = plan({ interfaces: 'eth0:name=eth1;eth1:name=br0', perNicModes: { eth0: 'private' } });

  it('accepts the XML that was planned', () => {
    expect(
      verifyDomain(p.domainXml.replace('<name>', '<uuid>00000000-0000-0000-0000-000000000001</uuid><name>'), p),
    ).toEqual([]);
  });

  it('names every difference: a missing NIC, another mode, another source', () => {
    const xml = p.domainXml
      .replace('<name>', '<uuid>00000000-0000-0000-0000-000000000001</uuid><name>')
      .replace(/mode="private"/, 'mode="bridge"')
      .replace(/<interface type="bridge">[\s\S]*?<\/interface>/, '');
    const problems = verifyDomain(xml, p);
    expect(problems.join('\n')).toMatch(/1 NIC\(s\) but the plan has 2/);
    expect(problems.join('\n')).toMatch(/macvtap mode 'bridge', planned 'private'/);
  });
});
