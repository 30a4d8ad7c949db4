/** The crawler's local test web: a real DNS server, an HTTP server for many host names with an access log, and a scenario site with every case a crawler must handle. */
package io.practicalsystems.crawler.testweb;
