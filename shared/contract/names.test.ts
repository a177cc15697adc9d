import { describe, expect, it } from 'vitest';
import { channels } from './channels';
import { events } from './events';
import { channelNames, eventNames } from './names';

describe('contract names', () => {
  it('lists exactly the channels of the contract (the preload exposes these)', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(channels).sort());
  });
  it('lists exactly the events of the contract', () => {
    expect([...eventNames].sort()).toEqual(Object.keys(events).sort());
  });
});
