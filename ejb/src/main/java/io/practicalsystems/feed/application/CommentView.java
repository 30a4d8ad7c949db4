package io.practicalsystems.feed.application;

import io.practicalsystems.feed.account.Account;
import io.practicalsystems.feed.store.CommentDocument;

/** A comment with its author's account. */
public record CommentView(CommentDocument comment, Account author) {
}
