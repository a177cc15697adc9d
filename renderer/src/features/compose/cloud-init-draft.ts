import type { CloudInitInput } from '../../../../shared/contract';
import { checkUserData } from '../../../../shared/cloud-init/user-data';
import { badKeyLine, mergeKeys } from './ssh-keys';

/** The cloud-init (NoCloud) part of the draft; it only counts with a cloud-image install. */
export interface CloudInitDraft {
  /** '' = the image's own default user. */
  user: string;
  /** Only ever a crypt(3) hash: the clear password lives in the password fields, never here. */
  passwordHash: string | null;
  /** Why what is typed in the password fields is not set yet ("The two passwords differ."), or null. */
  passwordProblem: string | null;
  /** Whole key lines from client.sshKeys, ticked. */
  chosenKeys: string[];
  /** Typed or pasted key lines, one a line. */
  otherKeys: string;
  /** Raw #cloud-config; '' = none. */
  userData: string;
}

export const initialCloudInit = (): CloudInitDraft => ({
  user: '',
  passwordHash: null,
  passwordProblem: null,
  chosenKeys: [],
  otherKeys: '',
  userData: '',
});

const USER = /^[a-z_][a-z0-9_-]{0,31}$/;

export interface CloudInitProblems {
  user?: string;
  password?: string;
  otherKeys?: string;
  userData?: { message: string; line?: number; column?: number };
}

/** Field by field, what must change before the seed can be built. */
export function cloudInitProblems(d: CloudInitDraft): CloudInitProblems {
  const out: CloudInitProblems = {};
  const user = d.user.trim();
  if (user !== '' && !USER.test(user))
    out.user = 'Lowercase letters, digits, - and _, starting with a letter or _, at most 32 characters.';
  if (d.passwordProblem) out.password = d.passwordProblem;
  const bad = badKeyLine(d.otherKeys);
  if (bad) out.otherKeys = bad.message;
  if (d.userData.trim() !== '') {
    const check = checkUserData(d.userData);
    if (!check.ok)
      out.userData = {
        message: check.message,
        ...(check.line !== undefined ? { line: check.line } : {}),
        ...(check.column !== undefined ? { column: check.column } : {}),
      };
  }
  return out;
}

/** A user-data problem in one line, with its position ("Line 3, column 5: …"; checkUserData often says it already). */
export function userDataProblemText(p: NonNullable<CloudInitProblems['userData']>): string {
  if (p.line === undefined || /^Line \d+/.test(p.message)) return p.message;
  return `Line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''}: ${p.message}`;
}

/** The first problem, as a sentence for the wizard's footer. */
export function firstCloudInitProblem(d: CloudInitDraft): string | null {
  const p = cloudInitProblems(d);
  if (p.user) return `User name: ${p.user}`;
  if (p.password) return `Password: ${p.password}`;
  if (p.otherKeys) return `SSH keys: ${p.otherKeys}`;
  if (p.userData) return `User-data: ${userDataProblemText(p.userData)}`;
  return null;
}

export function cloudInitToRequest(d: CloudInitDraft): CloudInitInput {
  const user = d.user.trim();
  return {
    ...(user ? { user } : {}),
    ...(d.passwordHash ? { passwordHash: d.passwordHash } : {}),
    sshKeys: mergeKeys(d.chosenKeys, d.otherKeys),
    ...(d.userData.trim() !== '' ? { userData: d.userData } : {}),
  };
}
