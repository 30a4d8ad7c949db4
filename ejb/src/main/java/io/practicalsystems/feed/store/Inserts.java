package io.practicalsystems.feed.store;

import io.practicalsystems.platform.docstore.DuplicateKeys;
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
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }
}
