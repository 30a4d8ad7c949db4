import type { PageRoute } from '../app/AppShell';
import { CrawlerPage } from './crawler/CrawlerPage';
import { IdsPage } from './ids/IdsPage';
import { KvPage } from './kv/KvPage';
import { OverviewPage } from './overview/OverviewPage';
import { UrlsPage } from './urls/UrlsPage';

/** The console's pages by hash route (`/console/#/kv`), in the order the header lists them. */
export interface ConsoleRoute extends PageRoute {
  label: string;
}

export const consoleRoutes: ConsoleRoute[] = [
  { path: '/', label: 'Overview', component: OverviewPage },
  { path: '/ids', label: 'IDs', component: IdsPage },
  { path: '/kv', label: 'Key-value', component: KvPage },
  { path: '/urls', label: 'URLs', component: UrlsPage },
  { path: '/crawler', label: 'Crawler', component: CrawlerPage },
];
