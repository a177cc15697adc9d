import { z } from 'zod';
import { HostInput, HostView, PodSettingsPatch } from './host';
import { Prompt, PromptAnswer } from './prompts';
import { AuditEntry } from './audit';
import { SshConfigCandidate } from './ssh-config';
import { HostSnapshot } from '../snapshot/types';
import { HostMarks } from '../compose/marks';
import { ComposePlan, ComposePlanRequest, ComposeRequest, JobView } from './compose';
import { ClientSshKey, GuestAddresses, VirtCapabilities, VolumeUploadRequest } from './guests';
import { InterruptedJob, RecoveryResult } from './recovery';
import {
  NetworkApplyRequest,
  NetworkApplyResult,
  NetworkChangePlan,
  NetworkPlanRequest,
  RemoveReservationRequest,
} from './networks';
import {
  AnsibleExportRequest,
  AnsibleExportResult,
  AnsibleExportSaveRequest,
  AnsibleExportSaveResult,
} from './ansible-export';

export const domainActions = ['start', 'resume', 'shutdown', 'reboot', 'destroy', 'delete'] as const;
export const networkActions = ['start', 'stop', 'autostart-on', 'autostart-off'] as const;

const HostId = z.object({ id: z.string().min(1) });

/**
 * Every request/response channel. The request schema is checked by the main side, the response
 * schema by the renderer, so both ends stay honest.
 */
export const channels = {
  'app.info': {
    request: z.void().or(z.undefined()),
    response: z.object({
      version: z.string(),
      mode: z.enum(['desktop', 'web']),
      dataDir: z.string(),
      /** Things the user must know about startup, e.g. a corrupt inventory moved aside. */
      notices: z.array(z.string()),
    }),
  },
  'hosts.list': {
    request: z.void().or(z.undefined()),
    response: z.array(HostView),
  },
  'hosts.add': { request: HostInput, response: HostView },
  'hosts.update': {
    request: z.object({
      id: z.string(),
      patch: HostInput.partial().extend({ pod: PodSettingsPatch.optional() }),
    }),
    response: HostView,
  },
  'hosts.remove': { request: HostId, response: z.object({ removed: z.boolean() }) },
  /** Reads one host (every host without an id) and answers when done; a failed read rejects with its error. */
  'hosts.refresh': {
    request: z.object({ id: z.string().optional() }),
    response: z.object({ refreshed: z.number().int() }),
  },
  'hosts.importCandidates': {
    request: z.void().or(z.undefined()),
    response: z.array(SshConfigCandidate),
  },
  'prompts.answer': { request: PromptAnswer, response: z.object({ accepted: z.boolean() }) },
  /** Prompts still waiting for an answer: a renderer that (re)connects shows them again. */
  'prompts.pending': { request: z.void().or(z.undefined()), response: z.array(Prompt) },
  /** The last snapshot read (refreshing first when there is none yet, or when asked to). */
  'hosts.snapshot': {
    request: z.object({ id: z.string(), refresh: z.boolean().default(false) }),
    response: z.object({ snapshot: HostSnapshot.nullable(), marks: HostMarks }),
  },
  'domains.action': {
    request: z.object({
      hostId: z.string(),
      domain: z.string().min(1),
      action: z.enum(domainActions),
      /** Only for delete: also remove the volumes of its disks. */
      deleteVolumes: z.boolean().default(false),
    }),
    response: z.object({ commands: z.array(z.string()), snapshot: HostSnapshot.nullable() }),
  },
  'networks.action': {
    request: z.object({ hostId: z.string(), network: z.string().min(1), action: z.enum(networkActions) }),
    response: z.object({ commands: z.array(z.string()), snapshot: HostSnapshot.nullable() }),
  },
  /** What a network change (create, edit, stop, delete) would do: XML diff, exact commands, VMs cut off, compose effect. Changes nothing. */
  'networks.plan': { request: NetworkPlanRequest, response: NetworkChangePlan },
  /** Applies a network change as planned (re-planned fresh); refused while it has problems or cuts off a running VM not acknowledged. */
  'networks.apply': { request: NetworkApplyRequest, response: NetworkApplyResult },
  /** Removes one static DHCP `<host>` entry live and persistently (net-update … delete ip-dhcp-host), then reads it back. */
  'networks.removeReservation': { request: RemoveReservationRequest, response: NetworkApplyResult },
  'marks.set': {
    request: z.object({ hostId: z.string(), marks: HostMarks }),
    response: HostMarks,
  },
  'audit.list': {
    request: z.object({ hostId: z.string().optional(), limit: z.number().int().positive().max(5000).default(500) }),
    response: z.array(AuditEntry),
  },
  /** A dry run: what compose would do and why, changing nothing. Bad grammar → 'validation' with position. */
  'compose.plan': { request: ComposePlanRequest, response: ComposePlan },
  /** Starts composing as a job; progress arrives as job.progress events. */
  'compose.start': { request: ComposeRequest, response: z.object({ jobId: z.string() }) },
  /** Which virt types and CPU modes the host offers, and which really start (probed once, cached). */
  'hosts.virtCapabilities': {
    request: z.object({ hostId: z.string(), arch: z.string().optional(), refresh: z.boolean().default(false) }),
    response: VirtCapabilities,
  },
  /** A VM's addresses from every source; with waitMs, polls until one appears or the time is up. */
  'domains.addresses': {
    request: z.object({
      hostId: z.string(),
      domain: z.string().min(1),
      waitMs: z.number().int().min(0).max(600_000).default(0),
    }),
    response: GuestAddresses,
  },
  /** The public keys this machine's user has (~/.ssh/*.pub and the SSH agent's), to inject with cloud-init. */
  'client.sshKeys': { request: z.void().or(z.undefined()), response: z.array(ClientSshKey) },
  /** Uploads a local file into a pool as a new volume (virsh vol-upload over SSH), as a job. */
  'volumes.upload': { request: VolumeUploadRequest, response: z.object({ jobId: z.string() }) },
  'jobs.cancel': { request: z.object({ jobId: z.string() }), response: z.object({ cancelled: z.boolean() }) },
  /** Recent jobs, newest first. */
  'jobs.list': { request: z.object({ hostId: z.string().optional() }).default({}), response: z.array(JobView) },
  /** Composes an earlier run of LabDeck left unfinished (from the compose journal). */
  'recovery.list': { request: z.void().or(z.undefined()), response: z.array(InterruptedJob) },
  /** Undoes what an interrupted compose left on its host, newest first; clears the entry when all is gone. */
  'recovery.rollback': { request: z.object({ id: z.string() }), response: RecoveryResult },
  /** An Ansible (community.libvirt) inventory + playbook for a compose plan, VMs or networks; changes nothing. */
  'export.ansible': { request: AnsibleExportRequest, response: AnsibleExportResult },
  /** Writes an export's files into a folder on the machine running LabDeck. */
  'export.ansibleSave': { request: AnsibleExportSaveRequest, response: AnsibleExportSaveResult },
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
