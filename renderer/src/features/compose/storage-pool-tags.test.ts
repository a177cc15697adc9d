import { describe, expect, it } from 'vitest';
import { setDiskPool, taggedPool } from './storage-pool-tags';

describe('pool picker writes the pool tag', () => {
  const pools = ['default', 'ssd'];
  it('adds, replaces and removes only the pool tag', () => {
    expect(setDiskPool('root:0.01', 0, 'default', pools)).toBe('root:0.01(default)');
    expect(setDiskPool('root:8(fast,default),data:20', 0, 'ssd', pools)).toBe('root:8(fast,ssd),data:20');
    expect(setDiskPool('root:8(fast,ssd)', 0, null, pools)).toBe('root:8(fast)');
  });
  it('leaves text that does not parse alone', () => {
    expect(setDiskPool('root:8 ,x', 0, 'ssd', pools)).toBe('root:8 ,x');
  });
  it('finds the pool a disk is tagged with', () => {
    expect(taggedPool({ tags: ['fast', 'ssd'] }, pools)).toBe('ssd');
    expect(taggedPool({ tags: ['fast'] }, pools)).toBeNull();
  });
});
