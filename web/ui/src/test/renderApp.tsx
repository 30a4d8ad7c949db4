import { render } from '@testing-library/react';
import { App } from '../app/App';

/** Renders the whole app at a hash route with `fetch` stubbed. */
export function renderApp(fetchImpl: typeof fetch, hash = '#/') {
  window.location.hash = hash;
  return render(<App fetchImpl={fetchImpl} />);
}
