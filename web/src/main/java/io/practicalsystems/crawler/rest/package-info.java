/** The crawler's REST API ({@code /api/crawls}): crawl control (admin), status, pages and hosts (public). */
package io.practicalsystems.crawler.rest;
