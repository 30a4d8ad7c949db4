package io.practicalsystems.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admin operations (Admin Center, batch REST API, /metrics, admin endpoints) need a user in the administrator
 * role, configured in server.xml from ADMIN_USER / ADMIN_PASSWORD. The built-in default exists only so a laptop
 * run works out of the box, so it is announced loudly.
 */
@Singleton
@Startup
public class AdminCredentialsCheck {

    static final String DEV_DEFAULT_PASSWORD = "admin";
    private static final Logger LOG = Logger.getLogger(AdminCredentialsCheck.class.getName());

    @Inject
    @ConfigProperty(name = "admin.password", defaultValue = DEV_DEFAULT_PASSWORD)
    String adminPassword;

    @Inject
    @ConfigProperty(name = "admin.user", defaultValue = "admin")
    String adminUser;

    @PostConstruct
    void warnOnDevDefault() {
        if (usesDevDefault(adminPassword)) {
            LOG.warning("SECURITY: the admin user '" + adminUser + "' has the documented development password. "
                    + "Set ADMIN_USER and ADMIN_PASSWORD before exposing this server.");
        }
    }

    static boolean usesDevDefault(String password) {
        return password == null || password.isBlank() || DEV_DEFAULT_PASSWORD.equals(password);
    }
}
