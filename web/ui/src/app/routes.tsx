import type { PageRoute } from './AppShell';
import { HomePage } from '../feed/pages/HomePage';
import { LoginPage } from '../feed/pages/LoginPage';
import { PostPage } from '../feed/pages/PostPage';
import { ProfilePage } from '../feed/pages/ProfilePage';
import { SignupPage } from '../feed/pages/SignupPage';

/** The feed's pages, by hash route (`/feed/#/u/alice`); the console's are in console/routes.tsx. */

export const routes: PageRoute[] = [
  { path: '/', component: HomePage },
  { path: '/login', component: LoginPage },
  { path: '/signup', component: SignupPage },
  { path: '/u/:handle', component: ProfilePage },
  { path: '/p/:id', component: PostPage },
];
