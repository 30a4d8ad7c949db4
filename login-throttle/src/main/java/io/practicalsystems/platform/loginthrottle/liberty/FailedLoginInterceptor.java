package io.practicalsystems.platform.loginthrottle.liberty;

import com.ibm.websphere.security.PasswordCheckFailedException;
import com.ibm.websphere.security.UserRegistry;
import com.ibm.websphere.security.WSSecurityException;
import com.ibm.websphere.security.WebTrustAssociationException;
import com.ibm.websphere.security.WebTrustAssociationFailedException;
import com.ibm.wsspi.security.registry.RegistryHelper;
import com.ibm.wsspi.security.tai.TAIResult;
import com.ibm.wsspi.security.tai.TrustAssociationInterceptor;
import io.practicalsystems.platform.loginthrottle.BasicCredentials;
import io.practicalsystems.platform.loginthrottle.ClientAddress;
import io.practicalsystems.platform.loginthrottle.FailedLoginThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.rmi.RemoteException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Throttles HTTP Basic sign-ins per client on every protected URI of the server — Liberty's own web applications
 * ({@code /metrics}, {@code /ibm/api/…}, {@code /IBMJMXConnectorREST}, {@code /adminCenter}) included, which the
 * app's servlet filter never sees. After {@code maxFailures} wrong passwords from one client address within
 * {@code windowSeconds}, that client's Basic sign-ins are answered 429 problem+json with Retry-After until the window
 * ends, without the password being checked; other clients are not affected.
 *
 * <p>Why a trust association interceptor: it is Liberty's supported hook that runs before Liberty's own Basic
 * authentication with the request and the response in hand, and may answer with any status. A JAAS login module in
 * {@code system.WEB_INBOUND} sees failures too, but can only fail the login — the client would get 401, never 429
 * with Retry-After, and the password would already be on its way to the registry. To count the real outcome the
 * interceptor checks the password itself, against the server's user registry ({@link UserRegistry#checkPassword},
 * the same registry Liberty would use, failed-login delay included), and hands a correct sign-in back to Liberty by
 * user name: Liberty then builds the subject and applies its roles as for its own Basic authentication.
 *
 * <p>Clients count by the TCP peer address (IPv6 per /64), never by a header the client sends. Configured in
 * server.xml ({@code <trustAssociation>}); properties {@code maxFailures} and {@code windowSeconds}.
 */
public final class FailedLoginInterceptor implements TrustAssociationInterceptor {

    private static final Logger LOG = Logger.getLogger(FailedLoginInterceptor.class.getName());
    static final String PROBLEM_TYPE = "https://practicalsystems.io/problems/too-many-failed-logins";

    private volatile FailedLoginThrottle throttle;

    @Override
    public int initialize(Properties properties) throws WebTrustAssociationFailedException {
        int maxFailures = positive(properties, "maxFailures", 10);
        int windowSeconds = positive(properties, "windowSeconds", 300);
        throttle = new FailedLoginThrottle(maxFailures, Duration.ofSeconds(windowSeconds));
        LOG.info("Failed sign-ins are throttled per client on every protected URI: at most " + maxFailures
                + " within " + windowSeconds + " s");
        return 0;
    }

    /** Every request that offers Basic credentials, well-formed or not; all others go to Liberty untouched. */
    @Override
    public boolean isTargetInterceptor(HttpServletRequest request) throws WebTrustAssociationException {
        return BasicCredentials.isBasic(request.getHeader("Authorization"));
    }

    @Override
    public TAIResult negotiateValidateandEstablishTrust(HttpServletRequest request, HttpServletResponse response)
            throws WebTrustAssociationFailedException {
        String client = clientOf(request);
        OptionalLong refused = throttle.begin(client);
        if (refused.isPresent()) {
            return tooManyFailures(response, refused.getAsLong());
        }
        boolean failed = true;
        try {
            Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeader("Authorization"));
            if (credentials.isPresent()) {
                String user = registry().checkPassword(credentials.get().user(), credentials.get().password());
                failed = false;
                return TAIResult.create(HttpServletResponse.SC_OK, user);
            }
        } catch (PasswordCheckFailedException e) {
            // a wrong password or an unknown user: counted below
        } catch (RemoteException | WSSecurityException e) {
            failed = false; // the registry's trouble, not the client's
            throw new WebTrustAssociationFailedException("The user registry could not check a password: "
                    + e.getMessage());
        } finally {
            throttle.finish(client, failed);
        }
        return challenge(response);
    }

    private static String clientOf(HttpServletRequest request) {
        String address = ClientAddress.normalize(request.getRemoteAddr());
        return "ip:" + (address != null ? address : request.getRemoteAddr());
    }

    private static UserRegistry registry() throws WSSecurityException {
        return RegistryHelper.getUserRegistry(null);
    }

    /** 401 with the Basic challenge, as Liberty answers a wrong password itself. */
    private TAIResult challenge(HttpServletResponse response) throws WebTrustAssociationFailedException {
        String realm;
        try {
            realm = registry().getRealm();
        } catch (WSSecurityException | RemoteException e) {
            realm = "default";
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\"");
        // The answer leaves from here, past the application's filters: give it the same problem+json body the
        // application's own 401 has (StatusProblems), not an empty one.
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            response.getWriter().write("{\"type\":\"https://practicalsystems.io/problems/unauthorized\","
                    + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"This resource needs the administrator's"
                    + " credentials (HTTP Basic authentication).\"}");
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away before the 401 was written", e);
        }
        return TAIResult.create(HttpServletResponse.SC_UNAUTHORIZED);
    }

    private TAIResult tooManyFailures(HttpServletResponse response, long retryAfterSeconds)
            throws WebTrustAssociationFailedException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String detail = throttle.maxFailures() + " failed sign-ins from this address within "
                + throttle.windowSeconds() + " s: sign-ins from it are refused for " + retryAfterSeconds
                + " s more, whatever the password.";
        try {
            response.getWriter().write("{\"type\":\"" + PROBLEM_TYPE + "\",\"title\":\"Too many failed sign-ins\","
                    + "\"status\":429,\"detail\":\"" + detail + "\",\"retryAfterSeconds\":" + retryAfterSeconds
                    + "}");
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away before the 429 was written", e);
        }
        return TAIResult.create(429);
    }

    private static int positive(Properties properties, String name, int fallback)
            throws WebTrustAssociationFailedException {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new WebTrustAssociationFailedException(name + " must be a whole number above 0, not '" + value + "'");
    }

    @Override
    public String getVersion() {
        return "1.0";
    }

    @Override
    public String getType() {
        return "practical-systems-failed-login-throttle";
    }

    @Override
    public void cleanup() {
        // nothing held
    }
}
