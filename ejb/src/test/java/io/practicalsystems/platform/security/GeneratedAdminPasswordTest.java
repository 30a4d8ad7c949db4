package io.practicalsystems.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedAdminPasswordTest {

    @TempDir
    Path dataDir;

    @Test
    void aFreshDataDirHasNoPassword() {
        assertThat(new GeneratedAdminPassword(dataDir).existing()).isEmpty();
    }

    @Test
    void generatesOwnerOnlyFilesThatLaterStartsFind() throws IOException {
        GeneratedAdminPassword generated = new GeneratedAdminPassword(dataDir);

        String password = generated.generate();

        assertThat(password).matches("[A-Za-z0-9_-]{32}");
        assertThat(generated.existing()).contains(password);
        assertThat(Files.readString(generated.passwordFile())).isEqualTo(password + "\n");
        assertThat(Files.readString(generated.includeFile()))
                .contains("<variable name=\"admin.password\" defaultValue=\"" + password + "\"/>");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated.passwordFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated.includeFile())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated.passwordFile().getParent())))
                .isEqualTo("rwx------");
        assertThat(new GeneratedAdminPassword(dataDir).existing()).contains(password);
    }

    @Test
    void everyGenerationIsADifferentPassword() {
        GeneratedAdminPassword generated = new GeneratedAdminPassword(dataDir);
        assertThat(generated.generate()).isNotEqualTo(generated.generate());
    }

    @Test
    void aPasswordFileWithoutLibertysIncludeDoesNotCount() throws IOException {
        GeneratedAdminPassword generated = new GeneratedAdminPassword(dataDir);
        generated.generate();
        Files.delete(generated.includeFile());

        assertThat(generated.existing()).isEmpty();
    }
}
