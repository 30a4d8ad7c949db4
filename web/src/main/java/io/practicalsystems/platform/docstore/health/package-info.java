/** The document store's readiness check, kept in the web module so that Liberty's mpHealth finds it. */
package io.practicalsystems.platform.docstore.health;
