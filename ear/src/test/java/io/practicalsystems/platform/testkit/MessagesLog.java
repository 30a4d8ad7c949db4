package io.practicalsystems.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One snapshot of a server's {@code messages.log}, read as a whole (it is small while a test runs) and asked
 * the questions that decide whether a start succeeded.
 *
 * <p>Line format: {@code [11/27/26, 21:05:06:568 UTC] 00000024 com.ibm.ws.app.manager.AppMessageHelper  A CWWKZ0001I: ...}
 * — timestamp, thread id, a class column without spaces, a one-letter level (A audit, I info, W warning,
 * E error, F fatal), then the message.
 */
final class MessagesLog {

    /** Error or fatal level: the letter after the class column. */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\[[^\\]]*\\] \\p{XDigit}+ \\S+\\s+[EF] .*");

    /**
     * Messages that mean the application will not come up: CWWKZ0002E (exception while starting it),
     * CWWKZ0106E (could not start it). CWWKO0221E (port bind failed) is added because a server whose HTTP port is
     * taken would make the test talk to someone else's server.
     */
    private static final List<String> FATAL_CODES = List.of("CWWKZ0002E", "CWWKZ0106E", "CWWKO0221E");

    private final Path file;
    private final List<String> lines;

    private MessagesLog(Path file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Reads the file now; a missing file (server not launched yet) reads as empty. */
    static MessagesLog read(Path file) {
        try {
            // Decoded leniently: a half-written multi-byte character at the end must not fail the read.
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return new MessagesLog(file, text.lines().toList());
        } catch (NoSuchFileException e) {
            return new MessagesLog(file, List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    boolean contains(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    /** CWWKZ0001I: Application {@code appName} started in N seconds. */
    boolean applicationStarted(String appName) {
        return lines.stream().anyMatch(l -> l.contains("CWWKZ0001I") && l.contains(" " + appName + " "));
    }

    /** Lines that prove the application will not start: the fatal codes, or any error-level line naming the app. */
    List<String> applicationFailures(String appName) {
        return lines.stream()
                .filter(l -> FATAL_CODES.stream().anyMatch(l::contains)
                        || (ERROR_LINE.matcher(l).matches() && l.contains(appName)))
                .toList();
    }

    /** All error- and fatal-level lines, for failure reports. */
    List<String> errorLines() {
        return lines.stream().filter(l -> ERROR_LINE.matcher(l).matches()).toList();
    }

    /** The last {@code count} lines. */
    List<String> tail(int count) {
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    /** What a failure message shows: where the log is, the lines that matter, and the end of the log. */
    String excerpt(List<String> highlighted, int tailLines) {
        StringBuilder sb = new StringBuilder();
        sb.append("messages.log: ").append(file).append('\n');
        if (lines.isEmpty()) {
            return sb.append("(empty or not written yet)\n").toString();
        }
        List<String> errors = highlighted.isEmpty() ? errorLines() : highlighted;
        if (!errors.isEmpty()) {
            sb.append("--- error lines ---\n");
            errors.stream().limit(30).forEach(l -> sb.append(l).append('\n'));
        }
        sb.append("--- last ").append(Math.min(tailLines, lines.size())).append(" lines ---\n");
        tail(tailLines).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
