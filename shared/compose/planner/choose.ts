import type { ConstraintSet } from '../constraints/types';
import { serializeInterfaceConstraints } from '../constraints/serialize';
import { err, ok, type Result } from '../result';
import type { InterfaceFacts } from './facts';
import { matchInterface, type MatchResult } from './match';
import type { CandidateVerdict, PlanFailure } from './types';

export const CONSTRAINT_RULE =
  "MAAS's rule for interface constraints: among the host interfaces that match, take a bridge, else a bond, else any other interface.";

const rank = (f: InterfaceFacts) => (f.iface.kind === 'bridge' ? 0 : f.iface.kind === 'bond' ? 1 : 2);
const kindPhrase = (f: InterfaceFacts) =>
  f.iface.kind === 'bridge' ? 'a bridge' : f.iface.kind === 'bond' ? 'a bond' : `a ${f.iface.kind} interface`;

/** `name=br0,space=lan` for one label's constraints. */
export function constraintText(label: string, set: ConstraintSet): string {
  return serializeInterfaceConstraints(new Map([[label, set]])).slice(label.length + 1);
}

export interface Choice {
  chosen: InterfaceFacts;
  verdicts: CandidateVerdict[];
  summary: string;
}

function names(fs: readonly InterfaceFacts[]): string {
  return fs.map((f) => f.iface.name).join(', ');
}

/** The host's usable interfaces described for a failure message. */
export function describeUsable(facts: readonly InterfaceFacts[]): string {
  const usable = facts.filter((f) => f.unusable === null);
  const bridges = usable.filter((f) => f.iface.kind === 'bridge');
  const others = usable.filter((f) => f.iface.kind !== 'bridge');
  const parts: string[] = [];
  parts.push(bridges.length > 0 ? `the host has bridges ${names(bridges)}` : 'the host has no bridges');
  if (others.length > 0) parts.push(`other usable interfaces ${names(others)}`);
  return parts.join(' and ');
}

/** Picks the host interface for one constraint label, or says plainly why none fits. */
export function chooseForLabel(
  label: string,
  set: ConstraintSet,
  facts: readonly InterfaceFacts[],
  hostname: string,
): Result<Choice, PlanFailure> {
  const results = facts.map((f) => ({ f, m: matchInterface(f, set, hostname) }));
  const matched = results.filter((r) => r.f.unusable === null && r.m.matched).sort((a, b) => rank(a.f) - rank(b.f));
  const text = constraintText(label, set);
  const failing = (m: MatchResult) => m.checks.filter((c) => !c.pass).map((c) => c.reason);

  if (matched.length === 0) {
    const usable = results.filter((r) => r.f.unusable === null);
    const hints: string[] = [];
    const keys = Object.keys(set);
    for (const key of keys.length > 1 ? keys : []) {
      if (!usable.some((r) => r.m.checks.find((c) => c.key === key)?.pass)) {
        hints.push(
          `no usable interface satisfies ${constraintText(label, { [key]: set[key as keyof ConstraintSet] })}`,
        );
      }
    }
    if (keys.length > 1 && hints.length === 0 && usable.length > 0)
      hints.push('each constraint is met by some interface, but no single interface meets them all');
    const blocked = results.filter((r) => r.f.unusable !== null && r.m.matched);
    for (const b of blocked) hints.push(`${b.f.iface.name} would match but cannot be used: ${b.f.unusable ?? ''}`);
    return err({
      label,
      message: `No interface matches ${label}: ${text} — ${[...hints, describeUsable(facts)].join('; ')}.`,
      details: results.map((r) =>
        r.f.unusable !== null ? r.f.unusable : `${r.f.iface.name} does not match: ${failing(r.m).join('; ')}.`,
      ),
    });
  }

  const first = matched[0];
  if (!first) throw new Error('unreachable');
  const chosen = first.f;
  const passing = first.m.checks.map((c) => c.reason).join('; ');
  const verdicts: CandidateVerdict[] = [
    {
      name: chosen.iface.name,
      kind: chosen.iface.kind,
      outcome: 'chosen',
      reason:
        matched.length === 1
          ? `${chosen.iface.name} is the only interface that matches ${text} (${passing}).`
          : `${chosen.iface.name} matches ${text} (${passing}) and, being ${kindPhrase(chosen)}, comes first by the bridge, bond, other rule.`,
    },
  ];
  for (const r of results) {
    if (r.f === chosen) continue;
    const name = r.f.iface.name;
    if (r.f.unusable !== null) {
      verdicts.push({ name, kind: r.f.iface.kind, outcome: 'unusable', reason: r.f.unusable });
    } else if (r.m.matched) {
      const reason =
        rank(r.f) > rank(chosen)
          ? `${name} matches too, but ${chosen.iface.name} is ${kindPhrase(chosen)}, which is preferred over ${kindPhrase(r.f)}.`
          : `${name} matches too and is also ${kindPhrase(r.f)}, but ${chosen.iface.name} comes earlier in the host's interface list.`;
      verdicts.push({ name, kind: r.f.iface.kind, outcome: 'lost', reason });
    } else {
      verdicts.push({
        name,
        kind: r.f.iface.kind,
        outcome: 'no-match',
        reason: `${name} does not match: ${failing(r.m).join('; ')}.`,
      });
    }
  }
  return ok({
    chosen,
    verdicts,
    summary: `${label} → ${chosen.iface.name}: ${matched.length === 1 ? 'the only match' : `preferred among ${matched.length} matches`} for ${text}.`,
  });
}
