import { describe, expect, it } from 'vitest';
import { splitId } from './bits';

const layout = { timestampBits: 41, workerBits: 10, sequenceBits: 12 };

describe('splitId', () => {
  it('splits an ID above 2^53 exactly into timestamp, worker and sequence', () => {
    const timestamp = 29_000_000_000n;
    const id = ((timestamp << 22n) | (1017n << 12n) | 4095n).toString();
    expect(Number(id)).toBeGreaterThan(Number.MAX_SAFE_INTEGER);

    const fields = splitId(id, layout);

    expect(fields.map((f) => [f.key, f.bits.length, f.value])).toEqual([
      ['sign', 1, 0n],
      ['timestamp', 41, timestamp],
      ['worker', 10, 1017n],
      ['sequence', 12, 4095n],
    ]);
    expect(fields.map((f) => f.bits).join('')).toBe(BigInt(id).toString(2).padStart(64, '0'));
  });

  it('follows another layout', () => {
    const fields = splitId(((5n << 16n) | (3n << 8n) | 7n).toString(), { timestampBits: 47, workerBits: 8, sequenceBits: 8 });
    expect(fields.map((f) => f.value)).toEqual([0n, 5n, 3n, 7n]);
  });
});
