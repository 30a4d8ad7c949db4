package io.practicalsystems.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.health.DetailedHealthCheck;
import io.practicalsystems.platform.rest.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;
import org.junit.jupiter.api.Test;

/**
 * One convention per kind of thing, checked over every class the web module compiles: exception mappers (see
 * {@code platform/rest/package-info.java}) and health checks ({@link DetailedHealthCheck}).
 */
class WebConventionsTest {

    private static final List<Class<?>> CLASSES = compiledClasses();

    @Test
    void everyExceptionMapperIsATopLevelProviderNamedAfterWhatItMaps() {
        List<Class<?>> mappers = CLASSES.stream().filter(ExceptionMapper.class::isAssignableFrom)
                .filter(c -> !c.isInterface()).toList();
        assertThat(mappers).hasSizeGreaterThan(5);
        assertThat(mappers).allSatisfy(mapper -> {
            assertThat(mapper.getEnclosingClass()).as("%s is nested", mapper.getName()).isNull();
            assertThat(Modifier.isPublic(mapper.getModifiers())).as("%s is public", mapper.getName()).isTrue();
            assertThat(mapper.isAnnotationPresent(Provider.class)).as("%s is a @Provider", mapper.getName()).isTrue();
            assertThat(mapper.getSimpleName()).endsWith("Mapper");
        });
    }

    @Test
    void everyHealthCheckKeepsItsDetailsForTheAdministrator() {
        List<Class<?>> checks = CLASSES.stream().filter(HealthCheck.class::isAssignableFrom)
                .filter(c -> !Modifier.isAbstract(c.getModifiers())).toList();
        assertThat(checks).hasSizeGreaterThan(3);
        assertThat(checks).allSatisfy(check -> {
            assertThat(DetailedHealthCheck.class.isAssignableFrom(check))
                    .as("%s extends DetailedHealthCheck", check.getName()).isTrue();
            assertThat(declaresCall(check)).as("%s overrides call(), which hides the details", check.getName())
                    .isFalse();
            assertThat(check.isAnnotationPresent(ApplicationScoped.class)).as("%s", check.getName()).isTrue();
            assertThat(check.isAnnotationPresent(Readiness.class) || check.isAnnotationPresent(Liveness.class)
                    || check.isAnnotationPresent(Startup.class)).as("%s has a health kind", check.getName()).isTrue();
            assertThat(check.getSimpleName()).endsWith("HealthCheck");
        });
    }

    private static boolean declaresCall(Class<?> check) {
        return Stream.of(check.getDeclaredMethods()).anyMatch(m -> m.getName().equals("call")
                && m.getParameterCount() == 0);
    }

    private static List<Class<?>> compiledClasses() {
        try {
            Path root = Path.of(Problems.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.map(root::relativize).map(Path::toString)
                        .filter(name -> name.endsWith(".class") && !name.endsWith("package-info.class"))
                        .map(name -> name.substring(0, name.length() - ".class".length())
                                .replace(java.io.File.separatorChar, '.'))
                        .<Class<?>>map(WebConventionsTest::load)
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, WebConventionsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
