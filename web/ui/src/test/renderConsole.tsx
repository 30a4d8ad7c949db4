import { render } from '@testing-library/react';
import { ConsoleApp } from '../console/shell/ConsoleApp';

/** Renders the whole console at a hash route with `fetch` stubbed. */
export function renderConsole(fetchImpl: typeof fetch, hash = '#/') {
  window.location.hash = hash;
  return render(<ConsoleApp fetchImpl={fetchImpl} />);
}
