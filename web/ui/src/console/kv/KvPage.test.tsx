import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch, json, problem } from '../../test/fakeApi';
import { renderConsole } from '../../test/renderConsole';
import { cluster, member, ring } from './kvFixtures';

/** The page's refresh period (usePolling's default). */
const POLL_INTERVAL_MS = 2000;

afterEach(() => vi.useRealTimers());

const row = (node: string) => screen.getByRole('row', { name: new RegExp(`^${node}`) });

// A bound for a loaded machine (2 cores shared by several builds), not a speed check.
describe('Key-value page: the ring and its members', { timeout: 30_000 }, () => {
  it('draws one arc per token range in its owner’s colour and lists each node’s share of the ring', async () => {
    const members = [member('kv-1', { ownership: 0.5 }), member('kv-2', { ownership: 0.3 }), member('kv-3', { ownership: 0.2 })];
    const { impl } = fakeFetch({
      'GET /api/kv-cluster': () => json(cluster(members)),
      'GET /api/kv-cluster/ring': () => json(ring(['kv-1', 'kv-2', 'kv-3'])),
    });
    const { container } = renderConsole(impl, '#/kv');

    const legend = await screen.findByRole('list', { name: 'Ring ownership' });
    expect(legend).toHaveTextContent('kv-1 — 50.0 % of the ring, 2 tokens');
    expect(legend).toHaveTextContent('kv-3 — 20.0 % of the ring');
    expect(screen.getByRole('img', { name: /Ring of 3 nodes in 6 token ranges: kv-1 owns 50.0 %/ })).toBeInTheDocument();
    const sectors = [...container.querySelectorAll('.recharts-pie-sector path')];
    expect(sectors).toHaveLength(6);
    const fills = sectors.map((s) => s.getAttribute('fill'));
    expect(fills[0]).toBe(fills[3]); // kv-1's two arcs
    expect(new Set(fills).size).toBe(3);
  });

  it('shows each member’s state, phi and the hints held for it, and follows a node going dead and back', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let kv3 = member('kv-3', { phi: 0.8 });
    const { impl } = fakeFetch({
      'GET /api/kv-cluster': () => json(cluster([member('kv-1', { phi: 0 }), member('kv-2', { phi: 1.25 }), kv3],
        { hintsByTarget: kv3.reachability === 'ALIVE' ? {} : { 'kv-3': 42 } })),
      'GET /api/kv-cluster/ring': () => json(ring(['kv-1', 'kv-2', 'kv-3'])),
    });
    renderConsole(impl, '#/kv');

    await screen.findByRole('table');
    expect(row('kv-1')).toHaveTextContent('kv-1 (answering)');
    expect(within(row('kv-2')).getAllByRole('cell').map((c) => c.textContent)).toEqual(
      ['alive', '1.25', '0', 'normal', 'http://127.0.0.1:9082']);

    kv3 = member('kv-3', { reachability: 'DEAD', phi: 14.5 });
    await act(async () => { await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS); });
    expect(within(row('kv-3')).getAllByRole('cell').map((c) => c.textContent).slice(0, 3)).toEqual(['dead', '14.50', '42']);

    kv3 = member('kv-3', { phi: 0.3 });
    await act(async () => { await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS); });
    expect(within(row('kv-3')).getAllByRole('cell')[0]).toHaveTextContent('alive');
  });

  it('keeps the last view and shows the server’s sentence when a refresh fails', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let failing = false;
    const { impl } = fakeFetch({
      'GET /api/kv-cluster': () => (failing ? problem(503, 'Unavailable', 'The key-value store is reopening its store.')
        : json(cluster([member('kv-1')]))),
      'GET /api/kv-cluster/ring': () => json(ring(['kv-1'])),
    });
    renderConsole(impl, '#/kv');
    await screen.findByRole('table');

    failing = true;
    await act(async () => { await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS); });
    expect(screen.getByRole('alert')).toHaveTextContent('The key-value store is reopening its store.');
    expect(row('kv-1')).toBeInTheDocument();
  });

  it('stops polling when the page is left', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { impl, requests } = fakeFetch({
      'GET /api/kv-cluster': () => json(cluster([member('kv-1')])),
      'GET /api/kv-cluster/ring': () => json(ring(['kv-1'])),
    });
    const { unmount } = renderConsole(impl, '#/kv');
    await screen.findByRole('table');
    unmount();
    const before = requests.length;
    await act(async () => { await vi.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 3); });
    expect(requests.length).toBe(before);
  });
});
