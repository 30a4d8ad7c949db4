/**
 * The document store: which Mongo-wire server is used (or the embedded one), JNoSQL's wiring, and a check at start-up
 * that documents can be written and read.
 */
package io.practicalsystems.platform.docstore;
