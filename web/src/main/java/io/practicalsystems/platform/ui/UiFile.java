package io.practicalsystems.platform.ui;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which built file of the UI a request path names, and how long a browser may keep it. Plain Java, so the rules are
 * unit-tested without a server.
 *
 * @param path         the file's path inside the app's folder, e.g. {@code /assets/index-Cw_FMPrK.js}
 * @param cacheControl {@code Cache-Control} for it: Vite puts a content hash in every asset's name, so assets never
 *                     change and are kept for a year; {@code index.html} names the current assets and is revalidated
 *                     on every load
 */
public record UiFile(String path, String cacheControl) {

    static final String INDEX = "/index.html";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /**
     * Letters, digits and {@code . _ -} per segment, ending in a file name with an extension: every name Vite writes,
     * and never {@code ..}, a hidden file or a folder.
     */
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9_-]*)*/[A-Za-z0-9_-][A-Za-z0-9._-]*\\.[A-Za-z0-9]+");

    /**
     * The file for the part of the path after the app's prefix ({@code HttpServletRequest.getPathInfo()}): {@code /}
     * is the app's page; a folder or a name outside the safe alphabet is none.
     */
    public static Optional<UiFile> of(String pathInfo) {
        if (pathInfo == null) {
            return Optional.empty();
        }
        String path = pathInfo.equals("/") ? INDEX : pathInfo;
        if (!SAFE.matcher(path).matches() || path.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(new UiFile(path, path.startsWith("/assets/") ? IMMUTABLE : REVALIDATE));
    }
}
