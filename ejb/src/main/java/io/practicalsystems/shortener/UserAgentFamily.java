package io.practicalsystems.shortener;

import java.util.List;
import java.util.Locale;

/**
 * Buckets a {@code User-Agent} header into a small fixed set of families for click statistics. Deliberately coarse:
 * a few substrings, no versions, no devices — enough to tell browsers from bots, and bounded so the statistics
 * tables cannot grow one row per distinct header.
 *
 * <p>Order matters because browsers borrow each other's tokens: Edge and Opera send {@code Chrome/…} and
 * {@code Safari/…}, Chrome sends {@code Safari/…}, and Google's smartphone crawler sends a whole Chrome string plus
 * {@code Googlebot}. So the table is read top to bottom and the first match wins: bots, Edge, Opera, Chrome, Firefox,
 * then Safari.
 *
 * <p>Bots match on {@code bot/} and {@code bot-} rather than a bare {@code bot}, which is inside phone model names
 * such as {@code CUBOT} in ordinary Android Chrome strings.
 */
public final class UserAgentFamily {

    public static final String BOT = "bot";
    public static final String EDGE = "edge";
    public static final String OPERA = "opera";
    public static final String CHROME = "chrome";
    public static final String FIREFOX = "firefox";
    public static final String SAFARI = "safari";
    public static final String OTHER = "other";
    /** No header at all (or a blank one). */
    public static final String UNKNOWN = "unknown";

    public static final List<String> ALL = List.of(BOT, EDGE, OPERA, CHROME, FIREFOX, SAFARI, OTHER, UNKNOWN);

    private record Rule(String token, String family) {
    }

    /** Lower-case substrings, first match wins. */
    private static final List<Rule> RULES = List.of(
            new Rule("googlebot", BOT), new Rule("bingbot", BOT), new Rule("bot/", BOT), new Rule("bot-", BOT),
            new Rule("crawler", BOT), new Rule("spider", BOT), new Rule("facebookexternalhit", BOT),
            new Rule("headlesschrome", BOT), new Rule("curl/", BOT), new Rule("wget/", BOT),
            new Rule("python-requests", BOT), new Rule("python-urllib", BOT), new Rule("java/", BOT),
            new Rule("java-http-client", BOT), new Rule("go-http-client", BOT), new Rule("okhttp", BOT),
            // Chromium Edge desktop / Android / iOS, then legacy EdgeHTML.
            new Rule("edg/", EDGE), new Rule("edga/", EDGE), new Rule("edgios/", EDGE), new Rule("edge/", EDGE),
            // Chromium Opera (desktop and Android), then Presto-era and Opera Mini.
            new Rule("opr/", OPERA), new Rule("opera", OPERA),
            new Rule("chrome/", CHROME), new Rule("crios/", CHROME), new Rule("chromium/", CHROME),
            new Rule("firefox/", FIREFOX), new Rule("fxios/", FIREFOX),
            new Rule("safari/", SAFARI));

    private UserAgentFamily() {
    }

    /** One of {@link #ALL}. */
    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return UNKNOWN;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        for (Rule rule : RULES) {
            if (ua.contains(rule.token())) {
                return rule.family();
            }
        }
        return OTHER;
    }
}
