/**
 * The URL shortener over HTTP: link management under {@code /api/urls}, the {@code /{code}} redirect, admin fault
 * injection and problem+json mappers.
 */
package io.practicalsystems.shortener.rest;
