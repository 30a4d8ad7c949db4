package io.practicalsystems.crawler.frontier;

import java.util.List;

/** A page of hosts in host-key order; {@code next} is the opaque cursor of the following page, or null. */
public record HostPage(List<HostView> items, String next) {

    public HostPage {
        items = List.copyOf(items);
    }
}
