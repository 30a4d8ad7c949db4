/**
 * The URL shortener's services (each public method one transaction or one redirect), its settings and the errors
 * the REST layer maps; storage, caches, the click pipeline and the rollup live in the sub-packages.
 */
package io.practicalsystems.shortener.application;
