package io.practicalsystems.crawler.url;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link UrlNormalizer} does beyond RFC 3986's equivalence-preserving steps.
 *
 * @param sortQueryParameters  order query parameters by name (stable: repeated names keep their order); two URLs
 *                             that differ only in parameter order then count as one page
 * @param sessionIdParameters  names (case-insensitive) of query parameters and {@code ;name=value} path parameters
 *                             that only carry a session id and are removed
 */
public record NormalizationOptions(boolean sortQueryParameters, Set<String> sessionIdParameters) {

    /** Session-id names common servers put in URLs (Java EE, PHP, ASP, ColdFusion and generic ones). */
    public static final Set<String> DEFAULT_SESSION_ID_PARAMETERS =
            Set.of("jsessionid", "phpsessid", "sid", "sessionid", "aspsessionid", "cfid", "cftoken");

    public NormalizationOptions {
        sessionIdParameters = sessionIdParameters == null ? Set.of()
                : sessionIdParameters.stream().map(name -> name.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
    }

    /** No parameter sorting (order can matter to a server), the common session ids removed. */
    public static NormalizationOptions defaults() {
        return new NormalizationOptions(false, DEFAULT_SESSION_ID_PARAMETERS);
    }
}
