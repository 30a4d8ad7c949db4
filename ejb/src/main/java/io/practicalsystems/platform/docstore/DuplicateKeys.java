package io.practicalsystems.platform.docstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/**
 * Whether a failed document write failed because a document with that id (or unique key) exists already — what
 * natural-id stores use for insert-once and for uniqueness. JNoSQL wraps the driver's exception, so the cause chain
 * is searched.
 */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
