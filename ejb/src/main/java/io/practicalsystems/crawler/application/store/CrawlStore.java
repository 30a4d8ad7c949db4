package io.practicalsystems.crawler.application.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.practicalsystems.crawler.application.CrawlState;
import io.practicalsystems.crawler.application.Cursor;
import io.practicalsystems.crawler.application.Listing;
import io.practicalsystems.platform.docstore.DocumentStoreBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;

/**
 * Crawl documents: written and read through Jakarta NoSQL's {@link DocumentTemplate}; state changes are a
 * compare-and-set through the driver ({@code updateOne} filtered on the expected state), which JNoSQL's API has no
 * form of, so two servers (or two clicks) racing to start a crawl cannot both win.
 *
 * <p>Queries use the _id only (get by id, list by id range), the one index the embedded store enforces.
 */
@ApplicationScoped
public class CrawlStore {

    static final String CURSOR_KIND = "c";

    @Inject
    DocumentTemplate template;

    @Inject
    DocumentStoreBackend backend;

    public void insert(CrawlDocument crawl) {
        template.insert(crawl);
    }

    public Optional<CrawlDocument> find(String id) {
        return template.find(CrawlDocument.class, id);
    }

    /** Crawls in id order (creation order: ids come from the Snowflake generator), after the cursor's position. */
    public Listing<CrawlDocument> list(String cursor, int limit) {
        String after = Cursor.decode(CURSOR_KIND, cursor);
        List<CrawlDocument> found = new ArrayList<>(after == null
                ? template.select(CrawlDocument.class).orderBy("id").asc().limit(limit + 1L).<CrawlDocument>result()
                : template.select(CrawlDocument.class).where("id").gt(after).orderBy("id").asc().limit(limit + 1L)
                        .<CrawlDocument>result());
        return Listing.ofOneExtra(found, limit, CrawlDocument::id, CURSOR_KIND);
    }

    /**
     * Moves the crawl from {@code from} to {@code to} if it is still in {@code from}; false when it was not (another
     * caller moved it first). Sets {@code startedAt} on the first move to RUNNING and {@code endedAt} on a final one.
     */
    public boolean transition(String id, CrawlState from, CrawlState to, long nowMillis) {
        List<Bson> updates = new ArrayList<>(List.of(Updates.set("state", to.name()), Updates.set("updatedAt",
                nowMillis)));
        if (from == CrawlState.CREATED && to == CrawlState.RUNNING) {
            updates.add(Updates.set("startedAt", nowMillis));
        }
        if (to.isFinal()) {
            updates.add(Updates.set("endedAt", nowMillis));
        }
        return collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", from.name())),
                Updates.combine(updates)).getModifiedCount() == 1;
    }

    /**
     * Deletes the crawl's document if it is in one of {@code states}; false when it was not (or is gone), so a crawl
     * started meanwhile is not deleted.
     */
    public boolean delete(String id, Set<CrawlState> states) {
        return collection().deleteOne(Filters.and(Filters.eq("_id", id), Filters.in("state",
                states.stream().map(CrawlState::name).toList()))).getDeletedCount() == 1;
    }

    /** Records when the crawl's frontier was last rebuilt from its pages (Redis had lost it). */
    public void markFrontierRebuilt(String id, long nowMillis) {
        collection().updateOne(Filters.eq("_id", id), Updates.set("frontierRebuiltAt", nowMillis));
    }

    /** Records that the crawl's seeds are in the frontier (idempotent). */
    public void markSeeded(String id) {
        collection().updateOne(Filters.eq("_id", id), Updates.set("seeded", true));
    }

    private MongoCollection<Document> collection() {
        try {
            return backend.client().getDatabase(backend.database()).getCollection(CrawlDocument.COLLECTION);
        } catch (IllegalStateException e) {
            throw new MongoException(e.getMessage(), e);
        }
    }
}
