package io.practicalsystems.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure the administrator (Admin Center, batch REST API, /metrics, JMX REST connector, the app's admin
 * endpoints) never has a known password. With ADMIN_PASSWORD set, that is the password and nothing happens here.
 * Without it, server.xml gives the admin user an empty password, which Liberty refuses (nobody can sign in), and this
 * bean generates a random one at the first start ({@link GeneratedAdminPassword}) and says once, in the log, where
 * it is; later starts reuse it.
 */
@Singleton
@Startup
public class AdminPasswordSetup {

    private static final Logger LOG = Logger.getLogger(AdminPasswordSetup.class.getName());

    @Inject
    @ConfigProperty(name = "admin.user", defaultValue = "admin")
    String adminUser;

    /** ADMIN_PASSWORD, or (on later starts) the generated password that server.xml's include supplies. */
    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "ps.data.dir", defaultValue = "target/data")
    String dataDir;

    @PostConstruct
    void ensureAdminPassword() {
        GeneratedAdminPassword generated = new GeneratedAdminPassword(Path.of(dataDir));
        try {
            Optional<String> earlier = generated.existing();
            Optional<String> configured = adminPassword.filter(p -> !p.isBlank());
            if (configured.isPresent() && !configured.equals(earlier)) {
                return; // ADMIN_PASSWORD
            }
            if (earlier.isPresent()) {
                LOG.info("The admin user '" + adminUser + "' has the password generated at first start, in "
                        + generated.passwordFile() + ". Set ADMIN_PASSWORD to choose one.");
                return;
            }
            generated.generate();
            LOG.warning("SECURITY: ADMIN_PASSWORD is not set, so a random password was generated for the admin user '"
                    + adminUser + "'. It is in " + generated.passwordFile() + " (readable by this OS user only) and is "
                    + "in effect within seconds. Set ADMIN_PASSWORD (and ADMIN_USER) to choose your own.");
        } catch (UncheckedIOException e) {
            // The server still serves everything public; nobody can sign in as admin, which is the safe side.
            LOG.log(Level.SEVERE, "SECURITY: ADMIN_PASSWORD is not set and no admin password could be generated "
                    + "(" + e.getCause() + "): nobody can sign in as admin. Set ADMIN_PASSWORD.", e);
        }
    }
}
