import type { ComposePlan, JobStep, JobView } from '../../../shared/contract/compose';

const gb = (bytes: number) => `${bytes / 1e9} GB`;
const attachText = (a: ComposePlan['nics'][number]['attach']) =>
  a.type === 'bridge'
    ? `bridge ${a.source}`
    : a.type === 'network'
      ? `network ${a.network}`
      : `macvtap on ${a.dev}, mode ${a.mode}`;

/** The plan as a person reads it: where each NIC goes and why, the disks, warnings, XML, commands. */
export function planText(p: ComposePlan): string {
  const out: string[] = [];
  out.push(
    `Plan: VM ${p.name} on ${p.hostName} (${p.virtType}, ${p.arch}, ${p.cores} core(s), ${p.memoryMiB} MiB${p.start ? ', started' : ''})`,
  );
  out.push(`Pod: installed ${p.installMode === 'manual' ? 'by hand' : 'as a KVM host'}, macvtap mode ${p.macvlanMode}`);
  out.push('', 'NICs:');
  for (const n of p.nics) {
    out.push(`  ${n.ifname} (label ${n.label}) → ${attachText(n.attach)}  mac ${n.mac}`);
    out.push(`    rule: ${n.why.rule}`, `    why:  ${n.why.summary}`);
    for (const c of n.why.candidates) out.push(`      - ${c.name} (${c.kind}) ${c.outcome}: ${c.reason}`);
    out.push(`    DHCP: ${n.dhcp.available ? `yes, ${n.dhcp.detail}` : `none known (${n.dhcp.detail})`}`);
    if (n.reservation) out.push(`    reserves ${n.reservation.ip} in network ${n.reservation.network}`);
  }
  out.push('', 'Disks:');
  for (const d of p.disks) {
    out.push(
      `  ${d.name}${d.boot ? ' (boot)' : ''} ${gb(d.sizeBytes)} → pool ${d.pool} as ${d.volume} (${d.format})`,
      `    why: ${d.reason}`,
    );
  }
  if (p.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const w of p.warnings) out.push(`  ! ${w.message}`);
  }
  if (p.conflicts.length > 0) {
    out.push('', 'Conflicts (compose would refuse):');
    for (const c of p.conflicts) out.push(`  x ${c}`);
  }
  out.push('', 'Domain XML:', p.domainXml.trimEnd(), '', 'Commands:');
  for (const c of p.commands) {
    out.push(`  $ ${c.command}${c.stdin !== undefined ? '   (domain XML above on stdin)' : ''}`);
    if (c.rollback) out.push(`      undo: ${c.rollback}`);
  }
  return out.join('\n');
}

/** One line per step state change, plus the command and stderr of a failure. */
export function stepLines(step: JobStep): string[] {
  const lines = [`  [${step.status === 'failed' ? 'FAILED' : step.status}] ${step.description}`];
  if (step.status === 'failed' && step.error) {
    if (step.command) lines.push(`      $ ${step.command}`);
    lines.push(`      ${step.error.message}`);
    if (step.error.stderr)
      lines.push(
        ...step.error.stderr
          .trimEnd()
          .split('\n')
          .map((l) => `      | ${l}`),
      );
  }
  if (step.rollback?.status === 'failed') lines.push(`      undo FAILED: ${step.rollback.command}`);
  return lines;
}

export function jobSummary(job: JobView): string {
  const lines = [`${job.title}: ${job.state}`];
  if (job.error) {
    lines.push(`  ${job.error.message}`);
    if (job.error.command) lines.push(`  $ ${job.error.command}`);
    if (job.error.stderr)
      lines.push(
        ...job.error.stderr
          .trimEnd()
          .split('\n')
          .map((l) => `  | ${l}`),
      );
    if (job.error.hint) lines.push(`  ${job.error.hint}`);
  }
  for (const l of job.leftBehind) lines.push(`  left behind: ${l}`);
  return lines.join('\n');
}
