import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json, problem } from '../../test/fakeApi';
import { renderConsole } from '../../test/renderConsole';

const EPOCH = Date.parse('2026-01-01T00:00:00Z');
// 2^53 is passed long before 2070: the page must keep every digit.
const ID = ((29_000_000_000n << 22n) | (7n << 12n) | 42n).toString();

const info = (overrides: Record<string, unknown> = {}) => ({
  ready: true, status: 'leased', workerId: 7, workerIdSource: 'leased from Redis',
  leaseExpiresAt: new Date(Date.now() + 8_000).toISOString(), layout: '41/10/12', timestampBits: 41, workerBits: 10,
  sequenceBits: 12, epoch: '2026-01-01T00:00:00Z', epochMillis: EPOCH, lastTimestampMillis: EPOCH, clockOffsetMillis: 0,
  ...overrides,
});

const decoded = { id: ID, timestamp: EPOCH + 29_000_000_000, time: new Date(EPOCH + 29_000_000_000).toISOString(), workerId: 7, sequence: 42 };

describe('IDs page', () => {
  it('shows the lease: worker ID, where it came from and the time left', async () => {
    const { impl } = fakeFetch({ 'GET /api/ids/info': () => json(info()) });
    renderConsole(impl, '#/ids');
    const lease = await screen.findByRole('region', { name: "This server's generator" });
    expect(lease).toHaveTextContent('7 — leased from Redis');
    expect(lease).toHaveTextContent(/expires in [5-8]\.\d s/);
  });

  it('generates a batch and decodes a chosen ID into its bit fields, keeping every digit', async () => {
    const { impl, requests } = fakeFetch({
      'GET /api/ids/info': () => json(info()),
      'GET /api/ids/batch': () => json({ ids: [ID, (BigInt(ID) + 1n).toString()] }),
      [`GET /api/ids/${ID}/decode`]: () => json(decoded),
    });
    renderConsole(impl, '#/ids');
    const count = await screen.findByLabelText('How many');
    await userEvent.clear(count);
    await userEvent.type(count, '2');
    await userEvent.click(screen.getByRole('button', { name: 'Generate batch' }));
    await userEvent.click(await screen.findByRole('button', { name: `Decode ${ID}` }));

    const fields = await screen.findByRole('table', { name: `The fields of ID ${ID}` });
    expect(within(fields).getByRole('row', { name: /Timestamp/ })).toHaveTextContent('29000000000');
    expect(within(fields).getByRole('row', { name: /Timestamp/ })).toHaveTextContent(decoded.time);
    expect(within(fields).getByRole('row', { name: /Worker/ })).toHaveTextContent('107');
    expect(within(fields).getByRole('row', { name: /Sequence/ })).toHaveTextContent('1242');
    expect(screen.getByRole('img', { name: /Worker 10 bits = 7; Sequence 12 bits = 42/ })).toBeInTheDocument();
    expect(requests.find((r) => r.url.startsWith('/api/ids/batch'))!.url).toBe('/api/ids/batch?count=2');
  });

  it("shows the server's sentence for an ID that is not a number and for a batch over the bound", async () => {
    const { impl } = fakeFetch({
      'GET /api/ids/info': () => json(info()),
      'GET /api/ids/batch': () => problem(400, 'Bad Request', 'count must be between 1 and 10000.'),
      'GET /api/ids/abc/decode': () => problem(400, 'Bad Request', 'id must be a whole number.'),
    });
    renderConsole(impl, '#/ids');
    await userEvent.type(await screen.findByLabelText('ID to decode'), 'abc');
    await userEvent.click(screen.getByRole('button', { name: 'Decode' }));
    expect(await screen.findByText('id must be a whole number.')).toHaveAttribute('role', 'alert');

    await userEvent.clear(screen.getByLabelText('How many'));
    await userEvent.type(screen.getByLabelText('How many'), '10001');
    await userEvent.click(screen.getByRole('button', { name: 'Generate batch' }));
    expect(await screen.findByText('count must be between 1 and 10000.')).toHaveAttribute('role', 'alert');
  });

  it('lets the admin step the clock back and shows IDs refused with 503 and Retry-After, then issued again', async () => {
    let offset = 0;
    const { impl, requests } = fakeFetch({
      'GET /api/ids/info': () => json(info({ clockOffsetMillis: offset })),
      'POST /api/ids/admin/clock-offset': (request) => {
        offset = Number(new URL(request.url, 'http://x').searchParams.get('ms'));
        return json(info({ clockOffsetMillis: offset }));
      },
      'GET /api/ids/next': () => {
        if (offset > -10) return json({ id: ID });
        const refused = problem(503, 'ID generator unavailable', 'the clock moved back by 60000 ms; refusing to issue IDs');
        refused.headers.set('Retry-After', '61');
        return refused;
      },
    });
    renderConsole(impl, '#/ids');
    const experiment = await screen.findByRole('region', { name: 'Experiment: step the clock back' });
    expect(within(experiment).queryByRole('button', { name: 'Step back 60 s' })).not.toBeInTheDocument();
    await userEvent.type(within(experiment).getByLabelText('Password'), 'secret');
    await userEvent.click(within(experiment).getByRole('button', { name: 'Use as admin' }));

    await userEvent.click(await within(experiment).findByRole('button', { name: 'Step back 60 s' }));
    await waitFor(() => expect(within(experiment).getByRole('status')).toHaveTextContent('Refusing new IDs (503)'));
    expect(experiment).toHaveTextContent('Retry-After 61 s — the clock moved back by 60000 ms');
    expect(experiment).toHaveTextContent('Current offset: -60000 ms');
    const step = requests.find((r) => r.method === 'POST')!;
    expect(step.url).toBe('/api/ids/admin/clock-offset?ms=-60000');
    expect(step.headers.Authorization).toMatch(/^Basic /);

    await userEvent.click(within(experiment).getByRole('button', { name: 'Restore the real clock' }));
    await waitFor(() => expect(within(experiment).getByRole('status')).toHaveTextContent('Issuing new IDs'));
    expect(requests.filter((r) => r.url === '/api/ids/next').every((r) => !r.headers.Authorization)).toBe(true);
  });

  it("shows the server's refusal when fault injection is off", async () => {
    const { impl } = fakeFetch({
      'GET /api/ids/info': () => json(info()),
      'GET /api/ids/next': () => json({ id: ID }),
      'POST /api/ids/admin/clock-offset': () =>
        problem(403, 'Fault injection disabled', 'start the server with PS_IDGEN_FAULT_INJECTION_ENABLED=true to step the clock'),
    });
    renderConsole(impl, '#/ids');
    const experiment = await screen.findByRole('region', { name: 'Experiment: step the clock back' });
    await userEvent.type(within(experiment).getByLabelText('Password'), 'secret');
    await userEvent.click(within(experiment).getByRole('button', { name: 'Use as admin' }));
    await userEvent.click(await within(experiment).findByRole('button', { name: 'Step back 3 ms' }));
    expect(await within(experiment).findByRole('alert')).toHaveTextContent('PS_IDGEN_FAULT_INJECTION_ENABLED=true');
  });
});
