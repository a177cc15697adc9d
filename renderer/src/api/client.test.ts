import { describe, expect, it, vi } from 'vitest';
import { AppError, type Envelope } from '../../../shared/contract';
import { createClientOver } from './client';
import { ClientError, errorShapeOf } from './client-error';
import type { Transport } from './transport';

function fakeTransport(reply: Envelope<unknown> | unknown) {
  const listeners = new Map<string, (p: unknown) => void>();
  const transport: Transport = {
    request: vi.fn(async () => reply as Envelope<unknown>),
    subscribe: (event, l) => {
      listeners.set(event, l);
      return () => listeners.delete(event);
    },
    connection: () => ({ status: 'open', generation: 1 }),
    onConnection: () => () => undefined,
    close: () => undefined,
  };
  return { transport, emit: (event: string, payload: unknown) => listeners.get(event)?.(payload) };
}

describe('client', () => {
  it('returns the schema-parsed value', async () => {
    const { transport } = fakeTransport({ ok: true, value: { removed: true } });
    await expect(createClientOver(transport, 'web').invoke('hosts.remove', { id: 'x' })).resolves.toEqual({
      removed: true,
    });
    expect(transport.request).toHaveBeenCalledWith('hosts.remove', { id: 'x' });
  });

  it('throws the shared AppError carrying the engine error shape', async () => {
    const error = {
      kind: 'remote',
      message: 'failed',
      command: 'virsh --connect qemu:///system list',
      stderr: 'error: no',
    };
    const { transport } = fakeTransport({ ok: false, error });
    const err = await createClientOver(transport, 'web')
      .invoke('hosts.list')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).shape).toEqual(error);
    expect([(err as AppError).kind, (err as AppError).command, (err as AppError).stderr]).toEqual([
      'remote',
      error.command,
      'error: no',
    ]);
    // The renderer's older names are the same type and function.
    expect(err).toBeInstanceOf(ClientError);
    expect(errorShapeOf(err)).toEqual(error);
    expect(errorShapeOf(new Error('boom'))).toEqual({ kind: 'internal', message: 'boom' });
  });

  it('rejects a response that breaks the contract', async () => {
    const { transport } = fakeTransport({ ok: true, value: { removed: 'yes' } });
    const err = await createClientOver(transport, 'web')
      .invoke('hosts.remove', { id: 'x' })
      .catch((e: unknown) => e);
    expect((err as AppError).shape.kind).toBe('internal');
    expect((err as AppError).shape.message).toMatch(/hosts\.remove/);
  });

  it('delivers valid events and drops malformed ones', () => {
    const { transport, emit } = fakeTransport(null);
    const seen: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    createClientOver(transport, 'web').on('prompt.closed', (p) => seen.push(p.promptId));
    emit('prompt.closed', { promptId: 'p1' });
    emit('prompt.closed', { nope: true });
    expect(seen).toEqual(['p1']);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
