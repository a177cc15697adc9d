import { describe, expect, it } from 'vitest';
import { channels } from './channels';
import { events } from './events';
import { channelNames, eventNames, streamEventNames, streamOpNames } from './names';
import { streamEvents, streamOps } from './streams';

describe('contract names', () => {
  it('lists exactly the channels of the contract (the preload exposes these)', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(channels).sort());
  });
  it('lists exactly the events of the contract', () => {
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
  });
  it('lists exactly the stream operations and stream events of the contract', () => {
    expect([...streamOpNames].sort()).toEqual(Object.keys(streamOps).sort());
    expect([...streamEventNames].sort()).toEqual(Object.keys(streamEvents).sort());
  });
});
