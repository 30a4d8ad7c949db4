package io.practicalsystems.shortener.rest;

/**
 * Which requests the redirect fast path ({@link RedirectFastPath}) may answer, decided from the raw request line
 * alone. Pure logic, so every rule is unit-tested.
 *
 * <p>The code must look exactly like what {@link RedirectResource}'s template {@code /{code}} accepts
 * ({@value #MAX_LENGTH} characters at most of {@code A-Z a-z 0-9 _ -}). The URI is the one the client sent, not
 * decoded: anything percent-encoded, with a path parameter ({@code ;…}), a second segment or a trailing slash is
 * not a plain code and goes to JAX-RS, which decides about it as it always did.
 */
public final class RedirectPath {

    static final int MAX_LENGTH = 32;
    /** {@link RedirectResource}'s template for a code; {@link #code} accepts exactly what it matches (tested). */
    static final String CODE_PATTERN = "[A-Za-z0-9_-]{1," + MAX_LENGTH + "}";

    private RedirectPath() {
    }

    /**
     * @param requestUri  the request's URI as sent, without the query ({@code HttpServletRequest.getRequestURI()})
     * @param contextPath the application's context path ("" at the root)
     * @return the code, or null when the path is anything else
     */
    public static String code(String requestUri, String contextPath) {
        if (requestUri == null || contextPath == null || !requestUri.startsWith(contextPath)) {
            return null;
        }
        int start = contextPath.length();
        int length = requestUri.length() - start - 1;
        if (length < 1 || length > MAX_LENGTH || requestUri.charAt(start) != '/') {
            return null;
        }
        for (int i = start + 1; i < requestUri.length(); i++) {
            if (!isCodeChar(requestUri.charAt(i))) {
                return null;
            }
        }
        return requestUri.substring(start + 1);
    }

    private static boolean isCodeChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }
}
