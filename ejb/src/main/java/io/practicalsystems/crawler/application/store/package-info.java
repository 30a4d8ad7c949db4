/** The crawler's documents (crawls, pages) in the document store, through Jakarta NoSQL; ids and cursors. */
package io.practicalsystems.crawler.application.store;
