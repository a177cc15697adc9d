/**
 * A finding about a host's set-up that the admin should know before it bites: macvtap isolation,
 * two DHCP servers on one segment, a bridge going nowhere… Pure data, so the renderer can list
 * them, put an icon on the affected row and badge the affected topology node.
 */

export type WarningSeverity = 'error' | 'warning' | 'info';

/** 'host' is for findings about the host as a whole (e.g. no network a default compose could use). */
export type WarningSubjectKind = 'interface' | 'network' | 'domain' | 'host';

export interface WarningSubject {
  kind: WarningSubjectKind;
  name: string;
}

export type WarningCode =
  | 'macvtap-host-isolation'
  | 'passthrough-parent-shared'
  | 'dhcp-double'
  | 'no-fallback-network'
  | 'fallback-network-inactive'
  | 'fallback-network-no-dhcp'
  | 'bridge-without-uplink'
  | 'down-but-used'
  | 'nic-source-missing';

export interface HostWarning {
  code: WarningCode;
  severity: WarningSeverity;
  /** One or two plain sentences: what is wrong, what it means, what to do. */
  message: string;
  /** The thing the warning is about. */
  subject: WarningSubject;
  /** Other things it concerns (the macvtap parent of a VM's NIC, the VMs sharing a NIC …). */
  related: WarningSubject[];
}

export const severityRank: Record<WarningSeverity, number> = { error: 0, warning: 1, info: 2 };

export const subjectKey = (s: WarningSubject): string => `${s.kind}:${s.name}`;

/** The warnings whose subject, or one of whose related things, is `subject`. */
export function warningsAbout(warnings: readonly HostWarning[], subject: WarningSubject): HostWarning[] {
  const key = subjectKey(subject);
  return warnings.filter((w) => subjectKey(w.subject) === key || w.related.some((r) => subjectKey(r) === key));
}

/** The most severe of some warnings, or null for none. */
export function worstSeverity(warnings: readonly HostWarning[]): WarningSeverity | null {
  let worst: WarningSeverity | null = null;
  for (const w of warnings) if (worst === null || severityRank[w.severity] < severityRank[worst]) worst = w.severity;
  return worst;
}

/**
 * The warnings to flag on one row or picture node: everything about it, plus the warnings and
 * errors that concern it (a macvtap VM's warning on its parent NIC). Notes (info) about something
 * else stay off it, so a network's "no DHCP" note does not mark its bridge.
 */
export function warningsToFlag(warnings: readonly HostWarning[], subject: WarningSubject): HostWarning[] {
  const key = subjectKey(subject);
  return warningsAbout(warnings, subject).filter((w) => subjectKey(w.subject) === key || w.severity !== 'info');
}
