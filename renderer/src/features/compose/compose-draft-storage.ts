import { z } from 'zod';
import { constraintBaseKeys } from '../../../../shared/compose';
import { CpuMode, installKinds, MacvlanMode, PasswordHash, VirtType } from '../../../../shared/contract';
import { initialDraft, type ComposeDraft } from './compose-draft';

/**
 * The wizard's draft per pod, kept in the tab's sessionStorage so a reload (or a web host that
 * restarted under the same page) finds it again. Only what the draft holds is written — the
 * password as its crypt hash, never the clear text, which the draft never has.
 */
export type StoredCompose = { draft: ComposeDraft; jobId: string | null };

/** The part of Storage used here: sessionStorage in the app, a Map-backed fake in tests. */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY_PREFIX = 'labdeck.compose-draft.';
export const draftKey = (hostId: string): string => `${KEY_PREFIX}${hostId}`;

const Pair = z.object({ pool: z.string(), volume: z.string() });

// Every field optional: a draft written by an older build keeps what it has, the rest starts fresh.
const StoredDraft = z
  .object({
    hostname: z.string(),
    cores: z.string(),
    memoryMiB: z.string(),
    arch: z.string(),
    storage: z.string(),
    interfaces: z.object({
      text: z.string(),
      rows: z.array(
        z.object({
          label: z.string(),
          constraints: z.array(z.object({ key: z.enum(constraintBaseKeys), negated: z.boolean(), value: z.string() })),
        }),
      ),
      source: z.enum(['text', 'rows']),
    }),
    perNicModes: z.record(z.string(), MacvlanMode),
    start: z.boolean(),
    nicRom: z.boolean(),
    virtType: z.union([VirtType, z.literal('')]),
    cpuMode: z.union([CpuMode, z.literal('')]),
    cpuModel: z.string(),
    install: z.object({
      kind: z.enum(installKinds),
      iso: Pair,
      image: Pair.extend({ clone: z.enum(['overlay', 'copy']) }),
    }),
    cloudInit: z.object({
      user: z.string(),
      passwordHash: PasswordHash.nullable(),
      chosenKeys: z.array(z.string()),
      otherKeys: z.string(),
      userData: z.string(),
    }),
  })
  .partial();

const Stored = z.object({ draft: StoredDraft, jobId: z.string().min(1).nullable().catch(null) });

/** What a stored value becomes: the draft over a fresh one, or null when it is not a draft at all. */
export function parseStoredCompose(text: string | null): StoredCompose | null {
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = Stored.safeParse(raw);
  if (!parsed.success) return null;
  const fresh = initialDraft();
  const { cloudInit, ...rest } = parsed.data.draft;
  // The typed password pair is gone after a reload, so a "they differ" from before it means nothing now.
  const draft: ComposeDraft = {
    ...fresh,
    ...rest,
    cloudInit: { ...fresh.cloudInit, ...cloudInit, passwordProblem: null },
  };
  return { draft, jobId: parsed.data.jobId };
}

/** The JSON written for a draft; null when there is nothing worth keeping (a fresh draft, no job). */
export function serializeStoredCompose(value: StoredCompose): string | null {
  const { passwordProblem: _notKept, ...cloudInit } = value.draft.cloudInit;
  const draft = { ...value.draft, cloudInit };
  const fresh = initialDraft();
  const { passwordProblem: _freshProblem, ...freshCloudInit } = fresh.cloudInit;
  if (value.jobId === null && JSON.stringify(draft) === JSON.stringify({ ...fresh, cloudInit: freshCloudInit }))
    return null;
  return JSON.stringify({ draft, jobId: value.jobId });
}

/** The tab's sessionStorage, or null where storage is disabled (the wizard then simply forgets on reload). */
export function sessionDraftStorage(): DraftStorage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function loadStoredCompose(
  hostId: string,
  storage: DraftStorage | null = sessionDraftStorage(),
): StoredCompose | null {
  try {
    return parseStoredCompose(storage?.getItem(draftKey(hostId)) ?? null);
  } catch {
    return null;
  }
}

/** Writes the draft (or removes it when fresh); a full or disabled storage loses only the reload-survival. */
export function saveStoredCompose(
  hostId: string,
  value: StoredCompose,
  storage: DraftStorage | null = sessionDraftStorage(),
): void {
  try {
    const text = serializeStoredCompose(value);
    if (text === null) storage?.removeItem(draftKey(hostId));
    else storage?.setItem(draftKey(hostId), text);
  } catch {
    // Quota or a storage that refuses: the in-memory draft is unaffected.
  }
}

export function clearStoredCompose(hostId: string, storage: DraftStorage | null = sessionDraftStorage()): void {
  try {
    storage?.removeItem(draftKey(hostId));
  } catch {
    // As above: nothing else depends on it.
  }
}
