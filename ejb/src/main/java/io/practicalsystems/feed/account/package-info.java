/** Feed users: sign-up with hashed passwords, log-in, and looking a user up by handle or ID. */
package io.practicalsystems.feed.account;
