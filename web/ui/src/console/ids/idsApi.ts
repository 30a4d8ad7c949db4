import type { ApiClient } from '../../api/client';

/** `GET /api/ids/info`: this server's generator. `leaseExpiresAt` is null for a static worker ID. */
export interface GeneratorInfo {
  ready: boolean;
  status: string;
  workerId: number | null;
  workerIdSource: string;
  leaseExpiresAt: string | null;
  layout: string;
  timestampBits: number;
  workerBits: number;
  sequenceBits: number;
  epoch: string;
  epochMillis: number;
  lastTimestampMillis: number;
  clockOffsetMillis: number;
}

/** `GET /api/ids/{id}/decode`; `timestamp` is absolute epoch milliseconds, `time` the same as ISO-8601. */
export interface DecodedId {
  id: string;
  timestamp: number;
  time: string;
  workerId: number;
  sequence: number;
}

const enc = encodeURIComponent;

/** The ID generator's REST API (`/api/ids`). IDs travel as strings: JavaScript numbers lose digits above 2^53. */
export function idsApi(client: ApiClient) {
  return {
    next: (signal?: AbortSignal) => client.request<{ id: string }>('GET', '/api/ids/next', undefined, signal),
    batch: (count: string) => client.request<{ ids: string[] }>('GET', `/api/ids/batch?count=${enc(count)}`),
    decode: (id: string) => client.request<DecodedId>('GET', `/api/ids/${enc(id)}/decode`),
    info: (signal?: AbortSignal) => client.request<GeneratorInfo>('GET', '/api/ids/info', undefined, signal),
    /** Admin: shift the generator's clock by `ms` (negative steps back, 0 restores the real clock). */
    setClockOffset: (ms: number) => client.request<GeneratorInfo>('POST', `/api/ids/admin/clock-offset?ms=${ms}`),
  };
}
