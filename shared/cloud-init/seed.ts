import { Document, stringify } from 'yaml';
import { err, ok, type Result } from '../compose/result';
import { hostnameProblem, instanceIdProblem, passwordHashProblem, userProblem } from './checks';
import { mergeLabDeckFields } from './merge';
import { buildNetworkConfig, type SeedNic } from './network-config';
import { checkSshKey, sshKeyIdentity } from './ssh-key';
import { CLOUD_CONFIG_HEADER, parseCloudConfig } from './user-data';

/** The three files of a NoCloud seed (the ISO labelled cidata). */
export interface SeedFiles {
  metaData: string;
  userData: string;
  /** Only when some NIC has a static address; without it the guest DHCPs on its first NIC. */
  networkConfig?: string;
}

export interface SeedInput {
  hostname: string;
  instanceId: string;
  user?: string;
  passwordHash?: string;
  sshKeys: string[];
  /** Raw #cloud-config; LabDeck's fields are merged into it (see merge.ts for who wins). */
  userData?: string;
  nics: SeedNic[];
}

export type { SeedNic };

/** Emit as YAML 1.1 (what PyYAML reads), never folding long lines such as RSA keys. */
const YAML_OUT = { lineWidth: 0 } as const;

export function buildSeedFiles(input: SeedInput): Result<SeedFiles, string> {
  const problems: string[] = [];
  const add = (p: string | null): void => void (p && problems.push(p));
  add(hostnameProblem(input.hostname));
  add(instanceIdProblem(input.instanceId));
  if (input.user !== undefined) add(userProblem(input.user));
  if (input.passwordHash !== undefined) add(passwordHashProblem(input.passwordHash));

  const keys: string[] = [];
  input.sshKeys.forEach((line, i) => {
    const key = checkSshKey(line);
    if (!key.ok) problems.push(`SSH key ${i + 1}: ${key.error}`);
    else if (!keys.some((k) => sshKeyIdentity(k) === sshKeyIdentity(key.value))) keys.push(key.value);
  });

  const network = buildNetworkConfig(input.nics);
  if (!network.ok) problems.push(network.error);

  let doc = new Document({}, { version: '1.1' });
  if (input.userData !== undefined && input.userData.trim() !== '') {
    const parsed = parseCloudConfig(input.userData);
    if (parsed.ok) doc = parsed.doc;
    else problems.push(`User-data: ${parsed.message}`);
  }
  if (problems.length > 0) return err(problems.join('\n'));

  const clash = mergeLabDeckFields(doc, {
    hostname: input.hostname,
    ...(input.user !== undefined ? { user: input.user } : {}),
    ...(input.passwordHash !== undefined ? { passwordHash: input.passwordHash } : {}),
    sshKeys: keys,
  });
  if (clash) return err(clash);

  // A parsed document keeps its own #cloud-config comment; a fresh one gets the header here.
  const body = doc.toString(YAML_OUT);
  const userData = body.startsWith(`${CLOUD_CONFIG_HEADER}\n`) ? body : `${CLOUD_CONFIG_HEADER}\n${body}`;
  const metaData = stringify(
    { 'instance-id': input.instanceId, 'local-hostname': input.hostname },
    { version: '1.1', ...YAML_OUT },
  );
  return ok({
    metaData,
    userData,
    ...(network.ok && network.value !== undefined ? { networkConfig: network.value } : {}),
  });
}
