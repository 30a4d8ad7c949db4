package io.practicalsystems.crawler.rest;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;

/** One page of a listing: {@code items} and the opaque cursor {@code next} of the following page (null at the end). */
public record ListingJson<T>(List<T> items, @JsonbNillable String next) {
}
