package io.practicalsystems.shortener.application.links;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import java.util.Optional;

/** Read-only lookups for the redirect path, each in its own short transaction. */
@ApplicationScoped
public class LinkReader {

    @Inject
    LinkRepository links;

    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<ShortLink> findByCode(String code) {
        return links.findByCode(code);
    }
}
