import { describe, expect, it } from 'vitest';
import { progressOf, stepProgress, volumeNameFor } from './upload-progress';

describe('upload progress from a step description', () => {
  it('reads a percentage, sizes, or byte counts; otherwise says nothing', () => {
    expect(progressOf('Uploading tiny.iso: 42%')).toEqual({ percent: 42 });
    expect(progressOf('Uploading 350 MB of 700 MB')?.percent).toBeCloseTo(50);
    expect(progressOf('120 MiB / 480 MiB sent')?.percent).toBeCloseTo(25);
    expect(progressOf('1048576/4194304 bytes')?.percent).toBeCloseTo(25);
    expect(progressOf('Upload the file into default/tiny.iso')).toBeNull();
  });

  it('names the volume after the file', () => {
    expect(volumeNameFor('/home/me/Downloads/debian 12.iso')).toBe('debian-12.iso');
    expect(volumeNameFor('C:\\isos\\alpine.iso')).toBe('alpine.iso');
  });
});

describe('step progress', () => {
  it('prefers the byte counts the engine sends', () => {
    const step = {
      id: 3,
      kind: 'upload',
      description: 'Send /tmp/a.iso over the SSH connection.',
      status: 'running' as const,
      progress: { doneBytes: 25, totalBytes: 100 },
    };
    expect(stepProgress(step)).toEqual({ percent: 25, doneBytes: 25, totalBytes: 100 });
    expect(stepProgress({ ...step, progress: undefined, description: 'Sending: 40%' })).toEqual({ percent: 40 });
  });
});
