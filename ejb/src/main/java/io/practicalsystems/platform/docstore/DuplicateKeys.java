package io.practicalsystems.platform.docstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

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

    /**
     * Insert-once for a document with a natural id: true when inserted, false when a document with that id was there
     * already (a second insert is a no-op, not an error).
     */
    public static boolean insertIfAbsent(DocumentTemplate template, Object document) {
        try {
            template.insert(document);
            return true;
        } catch (RuntimeException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }
}
