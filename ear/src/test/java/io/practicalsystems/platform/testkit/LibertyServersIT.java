package io.practicalsystems.platform.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The promises of {@link LibertyServers}, checked on a JUnit run of its own over small sample classes: two classes
 * asking for {@link SharedServer} get the same server, started once and stopped when the run ends; what a class
 * gives {@link OwnServers} is closed when the class is done, newest first. The samples run only from here.
 */
class LibertyServersIT {

    private static volatile boolean runningSamples;
    private static final List<LibertyServer> SHARED_SEEN = new ArrayList<>();
    private static final List<String> EVENTS = new ArrayList<>();

    static boolean runningSamples() {
        return runningSamples;
    }

    @Test
    void twoClassesGetOneSharedServerWhichStopsWhenTheRunEnds() {
        TestExecutionSummary summary = run(FirstSharingClass.class, SecondSharingClass.class);

        assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(SHARED_SEEN).hasSize(2);
        assertThat(SHARED_SEEN.get(1)).as("the same server for both classes").isSameAs(SHARED_SEEN.get(0));
        assertThat(SHARED_SEEN.get(0).isRunning()).as("stopped when the run ended").isFalse();
    }

    @Test
    void whatAClassOwnsIsClosedNewestFirstWhenTheClassIsDone() {
        TestExecutionSummary summary = run(OwningClass.class);

        assertThat(summary.getTotalFailureCount()).as(failures(summary)).isZero();
        assertThat(EVENTS).containsExactly("test ran", "closed second", "closed first");
    }

    private static String failures(TestExecutionSummary summary) {
        return summary.getFailures().stream().map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                .toList().toString();
    }

    private static TestExecutionSummary run(Class<?>... classes) {
        SHARED_SEEN.clear();
        EVENTS.clear();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> sample : classes) {
            request.selectors(selectClass(sample));
        }
        Launcher launcher = LauncherFactory.create();
        runningSamples = true;
        try {
            launcher.execute(request.build(), listener);
        } finally {
            runningSamples = false;
        }
        return listener.getSummary();
    }

    @EnabledIf("io.practicalsystems.platform.testkit.LibertyServersIT#runningSamples")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class FirstSharingClass {
        private LibertyServer server;

        @BeforeAll
        void start(@SharedServer LibertyServer server) {
            this.server = server;
        }

        @Test
        void seesARunningServer() {
            assertThat(server.isRunning()).isTrue();
            SHARED_SEEN.add(server);
        }
    }

    /** Another class, same needs. */
    @EnabledIf("io.practicalsystems.platform.testkit.LibertyServersIT#runningSamples")
    static class SecondSharingClass extends FirstSharingClass {
    }

    @EnabledIf("io.practicalsystems.platform.testkit.LibertyServersIT#runningSamples")
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @ExtendWith(LibertyServers.class)
    static class OwningClass {
        @BeforeAll
        void start(OwnServers own) {
            own.closeWhenDone(() -> EVENTS.add("closed first"));
            own.closeWhenDone(() -> EVENTS.add("closed second"));
        }

        @Test
        void runs() {
            EVENTS.add("test ran");
        }
    }
}
