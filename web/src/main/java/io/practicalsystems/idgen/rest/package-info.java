/** The ID generator over HTTP: {@code /api/ids}, its admin fault injection, readiness check and 503 mapping. */
package io.practicalsystems.idgen.rest;
