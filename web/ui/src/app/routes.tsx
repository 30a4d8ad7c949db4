import type { ComponentType } from 'react';
import { HomePage } from '../feed/pages/HomePage';
import { LoginPage } from '../feed/pages/LoginPage';
import { PostPage } from '../feed/pages/PostPage';
import { ProfilePage } from '../feed/pages/ProfilePage';
import { SignupPage } from '../feed/pages/SignupPage';

/**
 * The app's pages, by hash route (`#/u/alice`). A later area (the console of issue 17) adds its own entries here
 * with a path prefix of its own; the shell, session and API client are shared.
 */
export interface PageRoute {
  path: string;
  /** Reads its route parameters with wouter's `useParams()`. */
  component: ComponentType;
}

export const routes: PageRoute[] = [
  { path: '/', component: HomePage },
  { path: '/login', component: LoginPage },
  { path: '/signup', component: SignupPage },
  { path: '/u/:handle', component: ProfilePage },
  { path: '/p/:id', component: PostPage },
];
