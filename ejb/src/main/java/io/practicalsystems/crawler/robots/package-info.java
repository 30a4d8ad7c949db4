/** robots.txt decisions (crawler-commons) per fetch outcome, as Google documents them, and sitemap reading. */
package io.practicalsystems.crawler.robots;
