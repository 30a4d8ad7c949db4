/**
 * URL shortener core, in plain Java (no container, Redis or SQL) so every rule is unit-tested in milliseconds.
 *
 * <ul>
 * <li>Codes: {@link io.practicalsystems.shortener.Base62} of a Snowflake ID (order-preserving alphabet, canonical
 *     decoding); custom aliases by {@link io.practicalsystems.shortener.AliasPolicy}, which requires a {@code -} or
 *     {@code _} so aliases and generated codes can never collide.</li>
 * <li>Destinations: {@link io.practicalsystems.shortener.UrlPolicy} (http/https only, no user info, no loops to the
 *     shortener, blocked domains with subdomains, hosts compared in canonical IDN/ASCII form);
 *     {@link io.practicalsystems.shortener.RedirectType} (302 by default so clicks keep being counted);
 *     {@link io.practicalsystems.shortener.LinkExpiry}.</li>
 * <li>Analytics: each redirect is counted in a {@link io.practicalsystems.shortener.ClickAggregator} per code, UTC
 *     day, bounded {@link io.practicalsystems.shortener.ReferrerHost} and
 *     {@link io.practicalsystems.shortener.UserAgentFamily}; each flush leaves as one
 *     {@link io.practicalsystems.shortener.ClickAggregate} (compact versioned text for JMS), stored per day as
 *     {@link io.practicalsystems.shortener.ClickBatch}es; {@link io.practicalsystems.shortener.DailyRollup} sums
 *     counts in chunk-independent fashion; {@link io.practicalsystems.shortener.LinkStats} joins rolled-up days with
 *     today's live counters.</li>
 * </ul>
 *
 * Every rule broken by a create-link request is an {@link io.practicalsystems.shortener.InvalidLinkException} naming
 * the request field, for a 400 problem detail.
 */
package io.practicalsystems.shortener;
