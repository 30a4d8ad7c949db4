/** Crawler DNS: a dnsjava resolver whose cache honours each record's TTL (and caches failures), and the address policy that refuses private targets. */
package io.practicalsystems.crawler.dns;
