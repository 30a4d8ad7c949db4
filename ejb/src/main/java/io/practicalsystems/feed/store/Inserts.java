package io.practicalsystems.feed.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/** Insert-once for documents with natural ids: a second insert of the same id is a no-op, not an error. */
final class Inserts {

    private Inserts() {
    }

    /** True when inserted, false when a document with that id was there already. */
    static boolean insertIfAbsent(DocumentTemplate template, Object document) {
        try {
            template.insert(document);
            return true;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof MongoWriteException w && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
            }
            throw e;
        }
    }
}
