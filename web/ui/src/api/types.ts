/** JSON shapes of the feed API (FEED-CONTRACT.md; docs/feed.md). IDs are decimal strings, cursors opaque. */

export interface Session {
  token: string;
  handle: string;
  expiresAt: string;
}

export interface Account {
  id: string;
  handle: string;
  displayName: string;
  createdAt: string;
}

export interface Profile extends Account {
  followers: number;
  following: number;
  posts: number;
  followedByMe: boolean;
  blockedByMe: boolean;
}

export interface SharedPost {
  id: string;
  author: string;
  text: string;
  createdAt: string;
}

export interface Post {
  id: string;
  author: string;
  authorDisplayName: string;
  text: string;
  createdAt: string;
  replyTo: string | null;
  sharedFrom: SharedPost | null;
  likes: number;
  comments: number;
  shares: number;
  likedByMe: boolean;
  deliveredBy?: 'PUSH' | 'PULL';
}

export interface Comment {
  id: string;
  postId: string;
  author: string;
  text: string;
  createdAt: string;
}

export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface LikeState {
  likes: number;
  likedByMe: boolean;
}

/** One `event: post` of the live stream. */
export interface LivePost {
  id: string;
  author: string;
}
