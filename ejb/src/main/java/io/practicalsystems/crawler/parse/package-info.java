/** HTML page parsing with jsoup: charset, title, description, canonical URL, language, headings, links and text. */
package io.practicalsystems.crawler.parse;
