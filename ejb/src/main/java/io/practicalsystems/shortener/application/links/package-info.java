/** Link storage: the {@code ShortLink} entity (table {@code SHORTENER_LINK}) and its queries. */
package io.practicalsystems.shortener.application.links;
