import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json, problem } from '../../test/fakeApi';
import { renderConsole } from '../../test/renderConsole';
import type { Crawl, CrawlState } from './crawlerApi';

const crawl = (state: CrawlState, overrides: Partial<Crawl> = {}): Crawl => ({
  id: '42',
  state,
  fetched: 12,
  frontier: { queued: 30, inFlight: 2, fetched: 12, failed: 1, skipped: 3, seen: 48, hosts: 2 },
  duplicates: 1,
  errors: { timeout: 2, dns: 1 },
  pagesPerSecond: 3.5,
  unavailable: null,
  definition: { seeds: ['http://127.0.0.1:8000/'], maxDepth: 3, maxPages: 40, minDelayMs: 100 },
  createdAt: '2026-12-05T10:00:00Z',
  startedAt: null,
  endedAt: null,
  ...overrides,
});

const hosts = {
  items: [
    {
      host: '127.0.0.1', queued: 20, fetched: 10, errors: 1, consecutiveErrors: 0,
      nextFetchAt: new Date(Date.now() + 60_000).toISOString(), leasedBy: null, leaseExpiresAt: null,
      delayMs: 100, robots: 'rules', crawlDelayMs: 250,
    },
    {
      host: '127.0.0.2', queued: 10, fetched: 2, errors: 0, consecutiveErrors: 0,
      nextFetchAt: null, leasedBy: null, leaseExpiresAt: null, delayMs: null, robots: null, crawlDelayMs: null,
    },
  ],
  next: null,
};

const page = (url: string, overrides = {}) => ({
  url, status: 200, contentType: 'text/html', title: `Title of ${url}`, headings: ['Welcome'], outlinks: 3,
  fetchedAt: '2026-12-05T10:00:01Z', depth: 1, duplicateOf: null, truncated: false, errorKind: null, ...overrides,
});

const pages = {
  items: [
    page('http://127.0.0.1:8000/copy', { duplicateOf: 'http://127.0.0.1:8000/original' }),
    page('http://127.0.0.1:8000/original', { title: 'The original' }),
  ],
  next: null,
};

function reads(status: () => Crawl) {
  return {
    'GET /api/crawls': () => json({ items: [crawl('CREATED', { id: '41' }), status()], next: null }),
    'GET /api/crawls/42': () => json(status()),
    'GET /api/crawls/42/hosts': () => json(hosts),
    'GET /api/crawls/42/pages': () => json(pages),
  };
}

async function signInAsAdmin() {
  await userEvent.type(screen.getAllByLabelText('Password')[0], 'secret');
  await userEvent.click(screen.getAllByRole('button', { name: 'Use as admin' })[0]);
}

describe('crawler page', { timeout: 30_000 }, () => {
  it('shows the newest crawl live: counters, pages/s and errors charts, hosts, pages with duplicate-of links', async () => {
    const { impl } = fakeFetch(reads(() => crawl('RUNNING')));
    renderConsole(impl, '#/crawler');

    expect(await screen.findByTestId('crawl-state')).toHaveTextContent('RUNNING');
    const status = screen.getByRole('region', { name: /^Crawl 42/ });
    expect(within(status).getByText('Frontier queued').nextSibling).toHaveTextContent('30');
    expect(within(status).getByText('Pages/s').nextSibling).toHaveTextContent('3.5');
    await waitFor(() => expect(status.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(2));
    expect(within(status).getByText('timeout')).toBeInTheDocument();
    expect(within(status).getByText('pages/s')).toBeInTheDocument();     // the live chart's legend
    expect(status.querySelectorAll('.recharts-line')).toHaveLength(2);

    const hostRows = within(screen.getByRole('region', { name: 'Hosts' })).getAllByRole('row');
    expect(hostRows[1]).toHaveTextContent('127.0.0.1');
    expect(hostRows[1]).toHaveTextContent('rules, Crawl-delay 250 ms');
    expect(hostRows[1]).toHaveTextContent('100 ms');
    expect(hostRows[1]).toHaveTextContent(/in \d+\.\d s/);
    expect(hostRows[2]).toHaveTextContent('not fetched yet');

    const browser = screen.getByRole('region', { name: 'Pages' });
    await userEvent.click(
      await within(browser).findByRole('button', { name: 'Show http://127.0.0.1:8000/original, which http://127.0.0.1:8000/copy duplicates' }),
    );
    const details = within(browser).getByRole('region', { name: 'Page details' });
    expect(details).toHaveTextContent('The original');
    expect(details).toHaveTextContent('none: original content');
  });

  it('sends the admin actions the state allows, and shows a refusal as its sentence', async () => {
    let state: CrawlState = 'CREATED';
    const { impl, requests } = fakeFetch({
      ...reads(() => crawl(state)),
      'POST /api/crawls/42/start': () => {
        state = 'RUNNING';
        return json(crawl(state), 202);
      },
      'POST /api/crawls/42/pause': () =>
        problem(409, 'Illegal crawl transition', 'crawl 42 is FINISHED: it cannot pause (possible now: none)'),
    });
    renderConsole(impl, '#/crawler');
    expect(await screen.findByTestId('crawl-state')).toHaveTextContent('CREATED');
    await signInAsAdmin();

    const controls = screen.getByRole('group', { name: 'Crawl controls' });
    expect(within(controls).getByRole('button', { name: 'Pause' })).toBeDisabled();
    expect(within(controls).getByRole('button', { name: 'Resume' })).toBeDisabled();
    await userEvent.click(within(controls).getByRole('button', { name: 'Start' }));
    await waitFor(() => expect(screen.getByTestId('crawl-state')).toHaveTextContent('RUNNING'));
    expect(screen.getByLabelText('Crawl')).toHaveDisplayValue(/^42 \(RUNNING\)/);
    const start = requests.find((r) => r.method === 'POST')!;
    expect(start.url).toBe('/api/crawls/42/start');
    expect(start.headers.Authorization).toBe(`Basic ${btoa('admin:secret')}`);

    await userEvent.click(within(controls).getByRole('button', { name: 'Pause' }));
    expect(await screen.findByText('crawl 42 is FINISHED: it cannot pause (possible now: none)')).toBeInTheDocument();
  });

  it('creates a crawl from the form and watches it; a refused definition shows the sentence naming the field', async () => {
    let posts = 0;
    const { impl, requests } = fakeFetch({
      ...reads(() => crawl('CREATED')),
      'POST /api/crawls': () =>
        ++posts === 1
          ? problem(400, 'Bad Request', 'maxDepth must be a non-negative whole number in 0..100, got 500')
          : json(crawl('CREATED', { id: '42' }), 201),
    });
    renderConsole(impl, '#/crawler');
    await screen.findByTestId('crawl-state');
    await signInAsAdmin();
    const form = screen.getByRole('form', { name: 'New crawl' });
    await userEvent.click(within(form).getByLabelText('Seed URLs (one per line)'));
    await userEvent.paste('http://127.0.0.1:8000/\nhttp://127.0.0.2:8000/');
    await userEvent.clear(within(form).getByLabelText('Max depth'));
    await userEvent.type(within(form).getByLabelText('Max depth'), '500');
    await userEvent.click(within(form).getByLabelText(/Allow private and loopback/));
    await userEvent.click(within(form).getByRole('button', { name: 'Create crawl' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('maxDepth must be a non-negative whole number');

    await userEvent.clear(within(form).getByLabelText('Max depth'));
    await userEvent.type(within(form).getByLabelText('Max depth'), '2');
    await userEvent.click(within(form).getByRole('button', { name: 'Create crawl' }));
    await waitFor(() => expect(posts).toBe(2));
    const create = requests.filter((r) => r.method === 'POST').at(-1)!;
    expect(create.body).toEqual({
      seeds: ['http://127.0.0.1:8000/', 'http://127.0.0.2:8000/'],
      maxDepth: 2,
      maxPages: 100,
      minDelayMs: 1000,
      allowPrivateAddresses: true,
    });
    expect(create.headers.Authorization).toMatch(/^Basic /);
    expect(screen.getByLabelText('Crawl')).toHaveValue('42');
  });
});
