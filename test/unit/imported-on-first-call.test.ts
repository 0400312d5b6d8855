/** A port imported on its first call: imported once, on the first call and not before, and again after a failure. */
import { describe, expect, it } from 'vitest';
import { importedOnFirstCall } from '../../functions/imported-on-first-call';

class Counter {
  private n = 0;
  async add(by: number): Promise<number> {
    this.n += by;
    return this.n;
  }
}

describe('importedOnFirstCall', () => {
  it('imports on the first call only, once for all calls, and calls the method on its own object', async () => {
    let imports = 0;
    const counter = importedOnFirstCall(async () => {
      imports++;
      return new Counter();
    }, ['add']);
    expect(imports).toBe(0);
    expect(await Promise.all([counter.add(1), counter.add(2)])).toEqual([1, 3]);
    expect(await counter.add(3)).toBe(6);
    expect(imports).toBe(1);
  });

  it('tries the import again on the next call after one failed', async () => {
    let attempts = 0;
    const counter = importedOnFirstCall(async () => {
      attempts++;
      if (attempts === 1) throw new Error('chunk unreadable');
      return new Counter();
    }, ['add']);
    await expect(counter.add(1)).rejects.toThrow('chunk unreadable');
    expect(await counter.add(1)).toBe(1);
    expect(attempts).toBe(2);
  });
});
