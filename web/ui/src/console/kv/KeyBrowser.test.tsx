import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json, problem, type Recorded } from '../../test/fakeApi';
import { renderConsole } from '../../test/renderConsole';
import { cluster, member, ring } from './kvFixtures';

const clusterRoutes = {
  'GET /api/kv-cluster': () => json(cluster([member('kv-1')])),
  'GET /api/kv-cluster/ring': () => json(ring(['kv-1'])),
};

const read = (values: string[], context: string, answeredBy = ['kv-1', 'kv-2']) => ({
  key: 'cart/alice', values, encoding: 'utf-8', siblings: values.length, tombstones: 0, context, answeredBy,
});

const written = (values: string[], context: string) => ({
  key: 'cart/alice', context, values, encoding: 'utf-8', siblings: values.length, tombstones: 0,
  coordinator: 'kv-2', acknowledgedBy: ['kv-2', 'kv-3'], usedHints: false,
});

const kvCalls = (requests: Recorded[]) => requests.filter((r) => r.url.startsWith('/api/kv/'));

async function openWithKey(routes: Parameters<typeof fakeFetch>[0]) {
  const server = fakeFetch({ ...clusterRoutes, ...routes });
  renderConsole(server.impl, '#/kv');
  const user = userEvent.setup({ delay: null });
  await user.click(screen.getByLabelText('Key'));
  await user.paste('cart/alice');
  return { ...server, user };
}

// A bound for a loaded machine (2 cores shared by several builds), not a speed check.
describe('Key-value page: the key browser', { timeout: 30_000 }, () => {
  it('shows two siblings side by side with their context and who answered, and resolves them with that context', async () => {
    let stored = read(['apple', 'pear'], 'ctx-two');
    const { user, requests } = await openWithKey({
      'GET /api/kv/cart/alice': () => json(stored),
      'PUT /api/kv/cart/alice': () => {
        stored = read(['apple\npear'], 'ctx-one');
        return json(written(['apple\npear'], 'ctx-one'));
      },
    });

    await user.click(screen.getByRole('button', { name: 'Get' }));
    const siblings = await screen.findByRole('list', { name: '2 values' });
    expect(within(siblings).getAllByRole('listitem').map((li) => li.textContent))
      .toEqual(['Sibling 1 of 2apple', 'Sibling 2 of 2pear']);
    expect(screen.getByTestId('context')).toHaveTextContent('ctx-two');
    expect(screen.getByTestId('answered-by')).toHaveTextContent('kv-1, kv-2');

    const merged = screen.getByLabelText(/Merged value/);
    expect(merged).toHaveValue('apple\npear');
    await user.click(screen.getByRole('button', { name: 'Resolve' }));

    expect(await screen.findByRole('list', { name: '1 value' })).toHaveTextContent('apple pear');
    const put = kvCalls(requests).find((r) => r.method === 'PUT')!;
    expect(put.headers['X-Causal-Context']).toBe('ctx-two');
    expect(put.body).toBe('apple\npear');
    expect(screen.getByTestId('acknowledged-by')).toHaveTextContent('kv-2, kv-3');
    expect(screen.queryByRole('button', { name: 'Resolve' })).not.toBeInTheDocument();
  });

  it('sends the context of the last read with a put, and none when the person unticks it (a sibling on purpose)', async () => {
    const { user, requests } = await openWithKey({
      'GET /api/kv/cart/alice': () => json(read(['apple'], 'ctx-read')),
      'PUT /api/kv/cart/alice': () => json(written(['banana'], 'ctx-new')),
    });
    await user.click(screen.getByRole('button', { name: 'Get' }));
    await screen.findByRole('list', { name: '1 value' });
    await user.click(screen.getByLabelText('Value'));
    await user.paste('banana');
    await user.click(screen.getByRole('button', { name: 'Put' }));
    await screen.findByTestId('acknowledged-by');
    await user.click(screen.getByRole('checkbox', { name: /Send the causal context/ }));
    await user.click(screen.getByRole('button', { name: 'Put' }));

    const puts = kvCalls(requests).filter((r) => r.method === 'PUT');
    expect(puts.map((p) => p.headers['X-Causal-Context'])).toEqual(['ctx-read', undefined]);
    expect(puts[0].body).toBe('banana');
  });

  it('says a missing key has no value, and shows a refused write as the server’s sentence', async () => {
    const { user } = await openWithKey({
      'GET /api/kv/cart/alice': () => problem(404, 'Key not found', "'cart/alice' has no value"),
      'DELETE /api/kv/cart/alice': () => problem(503, 'Quorum not reached', 'Only 1 of the 2 replicas needed answered.'),
    });
    await user.click(screen.getByRole('button', { name: 'Get' }));
    expect(await screen.findByText(/'cart\/alice' has no value/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Only 1 of the 2 replicas needed answered.');
  });
});
