/** The crawler's load generator: a local web of many hosts for bench/crawler-load.sh, and the parse floor. */
package io.practicalsystems.crawler.bench;
