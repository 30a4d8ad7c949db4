package io.practicalsystems.crawler.application.store;

import io.practicalsystems.crawler.application.Cursor;
import io.practicalsystems.crawler.application.InvalidCursorException;
import io.practicalsystems.crawler.application.Listing;
import io.practicalsystems.platform.docstore.DuplicateKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * The pages of crawls, through Jakarta NoSQL. Saving is idempotent (the id derives from crawl and URL: a second save
 * of a URL replaces the first), so a fetch retried after a crash stores one document. Listing is by id range
 * ({@code crawlId:} .. {@code crawlId;}), ordered by id, with the last id as the cursor: only the _id index is used.
 */
@ApplicationScoped
public class PageStore {

    static final String CURSOR_KIND = "p";

    @Inject
    DocumentTemplate template;

    /** Inserts the page, or replaces the document of the same crawl and URL. */
    public void save(PageDocument page) {
        try {
            template.insert(page);
        } catch (RuntimeException e) {
            if (!DuplicateKeys.isDuplicateKey(e)) {
                throw e;
            }
            template.update(page);
        }
    }

    /** Up to {@code limit} pages of the crawl after the cursor's position, and the next cursor. */
    public Listing<PageDocument> page(String crawlId, String cursor, int limit) {
        String after = Cursor.decode(CURSOR_KIND, cursor);
        if (after == null) {
            after = PageDocument.firstIdAfter(crawlId);
        } else if (!after.startsWith(PageDocument.firstIdAfter(crawlId))) {
            throw new InvalidCursorException("cursor belongs to another crawl's pages: pass back the 'next' value of "
                    + "this crawl's previous page");
        }
        List<PageDocument> found = template.select(PageDocument.class)
                .where("id").gt(after).and("id").lt(PageDocument.idAboveAll(crawlId))
                .orderBy("id").asc().limit(limit + 1L).result();
        return Listing.ofOneExtra(found, limit, PageDocument::id, CURSOR_KIND);
    }

    /** Deletes every page of the crawl (its id range). */
    public void deleteAll(String crawlId) {
        template.delete(PageDocument.class).where("id").gt(PageDocument.firstIdAfter(crawlId))
                .and("id").lt(PageDocument.idAboveAll(crawlId)).execute();
    }
}
