/** One part of an ID's 64 bits, most significant first. */
export interface BitField {
  key: 'sign' | 'timestamp' | 'worker' | 'sequence';
  label: string;
  bits: string;
  value: bigint;
}

export interface Layout {
  timestampBits: number;
  workerBits: number;
  sequenceBits: number;
}

/**
 * Splits an ID into its fields by the generator's layout: the sign bit (always 0, IDs stay positive), then the
 * milliseconds since the generator's epoch, the worker ID and the per-millisecond sequence. BigInt, because an ID
 * does not fit a JavaScript number.
 */
export function splitId(id: string, layout: Layout): BitField[] {
  const bits = BigInt.asUintN(64, BigInt(id)).toString(2).padStart(64, '0');
  const sizes: [BitField['key'], string, number][] = [
    ['sign', 'Sign', 1],
    ['timestamp', 'Timestamp', layout.timestampBits],
    ['worker', 'Worker', layout.workerBits],
    ['sequence', 'Sequence', layout.sequenceBits],
  ];
  let at = 0;
  return sizes.map(([key, label, size]) => {
    const part = bits.slice(at, at + size);
    at += size;
    return { key, label, bits: part, value: part ? BigInt(`0b${part}`) : 0n };
  });
}
