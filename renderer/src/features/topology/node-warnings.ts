import { subjectKey, type HostWarning, type WarningSubject } from '../../../../shared/warnings';

/**
 * warningsToFlag for many subjects at once: the warnings indexed once by every subject they are
 * about or concern. Asking warningsToFlag per node scans every warning for every node — minutes on
 * a host with thousands of macvtap VMs, each with its own warning.
 */
export function warningFlagger(warnings: readonly HostWarning[]): (subject: WarningSubject) => HostWarning[] {
  const byKey = new Map<string, HostWarning[]>();
  for (const w of warnings) {
    for (const s of [w.subject, ...w.related]) {
      const key = subjectKey(s);
      const list = byKey.get(key);
      if (!list) byKey.set(key, [w]);
      else if (list.at(-1) !== w) list.push(w);
    }
  }
  return (subject) => {
    const key = subjectKey(subject);
    return (byKey.get(key) ?? []).filter((w) => subjectKey(w.subject) === key || w.severity !== 'info');
  };
}
