/** URL normalisation, relative-link resolution and crawl scope (domains, patterns, trap defences) for the crawler. */
package io.practicalsystems.crawler.url;
