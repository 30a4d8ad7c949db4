package io.practicalsystems.feed.rest;

import io.practicalsystems.platform.problem.Problem;
import io.practicalsystems.platform.problem.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Has Liberty's mpJwt check the bearer token of every {@code /api/feed/…} request that carries one, before any feed
 * endpoint runs. The feed's URIs are unprotected in the container's sense (anonymous callers may read profiles and
 * posts), and Liberty consults its trust association interceptors — mpJwt is one — for unprotected URIs only with
 * {@code <trustAssociation invokeForUnprotectedURI="true">}, which would run them on every request of every system.
 * So this filter asks for authentication itself ({@link HttpServletRequest#authenticate}), which runs mpJwt (its
 * {@code authFilter} in server.xml limits it to {@code /api/feed/}):
 *
 * <ul>
 *   <li>no {@code Authorization: Bearer} header: the request goes on anonymously ({@link FeedCaller} answers 401 where
 *       a user is needed);</li>
 *   <li>a token mpJwt accepts (signature with the feed's public key, issuer, audience, not expired): the request goes
 *       on as that user;</li>
 *   <li>any other token — expired, tampered with, signed by another key, unsigned, not a JWT: 401 problem+json with
 *       mpJwt's {@code WWW-Authenticate: Bearer … error="invalid_token"}; no feed endpoint runs.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/api/feed/*", asyncSupported = true)
public class FeedTokenFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(FeedTokenFilter.class.getName());
    private static final String BEARER = "bearer ";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (hasBearerToken(request) && request.getUserPrincipal() == null && !authenticated(request, response)) {
            refuse(response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.length() > BEARER.length()
                && authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER);
    }

    private static boolean authenticated(HttpServletRequest request, HttpServletResponse response) {
        try {
            return request.authenticate(response) && request.getUserPrincipal() != null;
        } catch (ServletException | IOException e) {
            LOG.log(Level.FINE, "a feed token was refused", e);
            return false;
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        String challenge = response.getHeader("WWW-Authenticate");
        response.setHeader("WWW-Authenticate", challenge != null && challenge.startsWith("Bearer") ? challenge
                : SignInRequiredMapper.CHALLENGE + ", error=\"invalid_token\"");
        ServletProblems.write(new Problem(401, "invalid-token", "Invalid token", "The bearer token was refused: "
                + "it is expired, altered, not signed by this service, or not a token. Log in again "
                + "(POST /api/feed/sessions) for a new one."), response);
    }
}
