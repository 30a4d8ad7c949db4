import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json, problem } from '../../test/fakeApi';
import { renderConsole } from '../../test/renderConsole';

const link = (code: string, url = 'https://example.org/a') => ({
  code,
  shortUrl: `http://short.test/${code}`,
  url,
  redirectType: 302,
  customAlias: code.includes('-'),
  createdAt: '2026-12-05T10:00:00Z',
  updatedAt: '2026-12-05T10:00:00Z',
  expiresAt: null,
  expired: false,
});

const limited = (body: unknown, status: number, remaining: string) =>
  new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': 'application/json',
      'RateLimit-Limit': '30',
      'RateLimit-Remaining': remaining,
      'RateLimit-Reset': '2',
      'RateLimit-Policy': '30;w=30',
    },
  });

const stats = {
  code: 'my-alias',
  total: 7,
  perDay: [
    { day: '2026-12-04', clicks: 3 },
    { day: '2026-12-05', clicks: 4 },
  ],
  topReferrers: [
    { host: 'news.example', clicks: 5 },
    { host: 'blog.example', clicks: 2 },
  ],
  topAgents: [
    { agent: 'firefox', clicks: 4 },
    { agent: 'bot', clicks: 2 },
    { agent: 'chrome', clicks: 1 },
  ],
};

/** Puts text into a field at once (typing it key by key is slow on a loaded machine and tests nothing more here). */
async function fill(label: string | RegExp, text: string) {
  await userEvent.click(screen.getByLabelText(label));
  await userEvent.paste(text);
}

describe('URL shortener page', { timeout: 30_000 }, () => {
  it('creates a link with alias, expiry and redirect type under the API key, lists it and charts its clicks', async () => {
    const { impl, requests } = fakeFetch({
      'POST /api/urls': () => limited(link('my-alias'), 201, '29'),
      'GET /api/urls': () => limited([link('older-one', 'https://example.org/old')], 200, '299'),
      'GET /api/urls/my-alias/stats': () => limited(stats, 200, '298'),
    });
    renderConsole(impl, '#/urls');
    await fill('API key', 'psk_secret');
    await userEvent.click(screen.getByRole('button', { name: 'Use this key' }));
    expect(await screen.findByText('http://short.test/older-one')).toBeInTheDocument();

    await fill('Destination URL', 'https://example.org/a');
    await fill(/^Alias/, 'my-alias');
    fireEvent.change(screen.getByLabelText(/^Expires/), { target: { value: '2030-01-02T03:04' } });
    await userEvent.selectOptions(screen.getByLabelText('Redirect type'), '301');
    await userEvent.click(screen.getByRole('button', { name: 'Shorten' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Created http://short.test/my-alias');
    const create = requests.find((r) => r.method === 'POST')!;
    expect(create.body).toEqual({
      url: 'https://example.org/a',
      alias: 'my-alias',
      expiresAt: new Date('2030-01-02T03:04').toISOString(),
      redirectType: 301,
    });
    expect(create.headers['X-Api-Key']).toBe('psk_secret');
    expect(requests.find((r) => r.url.startsWith('/api/urls?'))!.headers['X-Api-Key']).toBe('psk_secret');

    const myLinks = screen.getByRole('region', { name: 'My links' });
    expect(within(myLinks).getByText('https://example.org/old')).toBeInTheDocument();
    const clicks = await screen.findByRole('region', { name: 'Clicks of my-alias' });
    expect(await within(clicks).findByTestId('total-clicks')).toHaveTextContent('7');
    // the charts drew one bar per day, per referrer and per agent family, labelled on their axes
    await waitFor(() => expect(clicks.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(7));
    expect(within(clicks).getByText('news.example')).toBeInTheDocument();
    expect(within(clicks).getByText('2026-12-05')).toBeInTheDocument();
    const agents = within(clicks).getByRole('figure', { name: 'Top agents' });
    expect(agents.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(3);
    for (const family of ['firefox', 'bot', 'chrome']) expect(within(agents).getByText(family)).toBeInTheDocument();

    const rate = screen.getByRole('region', { name: 'Rate limit of the last call' });
    expect(rate).toHaveTextContent('GET /api/urls/my-alias/stats answered 200');
    expect(rate).toHaveTextContent('RateLimit-Remaining298');
    expect(rate).toHaveTextContent('RateLimit-Policy30;w=30');
  });

  it('shows a refused create as its sentence, with the Retry-After of the 429', async () => {
    const { impl } = fakeFetch({
      'POST /api/urls': () =>
        new Response(JSON.stringify({ title: 'Too Many Requests', status: 429, detail: 'Too many links created: try again in 3 s.' }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '3', 'RateLimit-Remaining': '0' },
        }),
    });
    renderConsole(impl, '#/urls');
    await fill('Destination URL', 'https://example.org/b');
    await userEvent.click(screen.getByRole('button', { name: 'Shorten' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many links created: try again in 3 s.');
    const rate = screen.getByRole('region', { name: 'Rate limit of the last call' });
    expect(rate).toHaveTextContent('POST /api/urls answered 429');
    expect(rate).toHaveTextContent('Retry-After3');
    expect(rate).toHaveTextContent('RateLimit-Remaining0');
    expect(screen.getByRole('region', { name: 'Links created in this tab' })).toHaveTextContent('None yet.');
  });

  it('issues an API key with the admin credentials and uses it from then on', async () => {
    const { impl, requests } = fakeFetch({
      'POST /api/keys': () => json({ id: 'k1', name: 'console tab', key: 'psk_issued' }, 201),
      'GET /api/urls': () => json([]),
      'GET /api/urls/nope/stats': () => problem(404, 'Not Found', 'No link has the code nope.'),
    });
    renderConsole(impl, '#/urls');
    await fill('Password', 'secret');
    await userEvent.click(screen.getByRole('button', { name: 'Use as admin' }));
    await userEvent.click(screen.getByRole('button', { name: 'Issue a new key' }));

    await waitFor(() => expect(screen.getByLabelText('API key')).toHaveValue('psk_issued'));
    const issue = requests.find((r) => r.url === '/api/keys')!;
    expect(issue.headers.Authorization).toBe(`Basic ${btoa('admin:secret')}`);
    expect(await screen.findByText('This key owns no links yet.')).toBeInTheDocument();
    expect(requests.find((r) => r.url.startsWith('/api/urls?'))!.headers['X-Api-Key']).toBe('psk_issued');

    await fill('Stats of any code', 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Show stats' }));
    expect(await screen.findByText('No link has the code nope.')).toBeInTheDocument();
  });
});
