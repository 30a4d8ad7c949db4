package io.practicalsystems.feed.postproducer;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The post producer's input and its messages. Input: {@code [--reply-to POST_ID] [TEXT ...]} — each argument one
 * post, or with no text arguments one post per non-blank line of standard input. Each text is checked against the
 * feed's rules (1-{@value #MAX_CODE_POINTS} code points) before anything is sent. Messages: JSON text
 * {@code {"token","text","replyTo"?,"id"}}, one per post; {@code id} is "RUN:N" (N the post's position), the server's
 * idempotency key — sending the same input under the same run id again posts nothing twice.
 */
public final class FeedPostMessages {

    public static final int MAX_CODE_POINTS = 500;
    public static final int MAX_POSTS = 1000;
    private static final Pattern POST_ID = Pattern.compile("[0-9]{1,19}");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9._-]{1,60}");

    private FeedPostMessages() {
    }

    /** Input the producer cannot use; the message says how to call it. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    public record Input(String replyTo, List<String> texts) {
    }

    public static Input read(String[] args, BufferedReader stdin) throws IOException, UsageException {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String replyTo = null;
        if (!rest.isEmpty() && rest.get(0).equals("--reply-to")) {
            if (rest.size() < 2 || !POST_ID.matcher(rest.get(1)).matches()) {
                throw new UsageException("--reply-to takes the ID of a post (digits)");
            }
            replyTo = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        List<String> raw = rest.isEmpty() ? lines(stdin) : rest;
        List<String> texts = new ArrayList<>();
        for (String line : raw) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            int length = text.codePointCount(0, text.length());
            if (length > MAX_CODE_POINTS) {
                throw new UsageException("post " + (texts.size() + 1) + " is " + length + " characters long; at most "
                        + MAX_CODE_POINTS + " are allowed");
            }
            if (texts.size() == MAX_POSTS) {
                throw new UsageException("at most " + MAX_POSTS + " posts per run");
            }
            texts.add(text);
        }
        if (texts.isEmpty()) {
            throw new UsageException("usage: feed-post [--reply-to POST_ID] TEXT [TEXT ...]   (no TEXT: one post "
                    + "per line on standard input)");
        }
        return new Input(replyTo, texts);
    }

    /** Whether {@code runId} can be part of the messages' ids. */
    public static boolean validRunId(String runId) {
        return RUN_ID.matcher(runId).matches();
    }

    /** One message per post, in input order. */
    public static List<String> messages(Input input, String token, String runId) {
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < input.texts().size(); i++) {
            JsonObjectBuilder message = Json.createObjectBuilder().add("token", token)
                    .add("text", input.texts().get(i)).add("id", runId + ":" + i);
            if (input.replyTo() != null) {
                message.add("replyTo", input.replyTo());
            }
            messages.add(message.build().toString());
        }
        return messages;
    }

    private static List<String> lines(BufferedReader stdin) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = stdin.readLine()) != null && lines.size() <= MAX_POSTS * 2) {
            lines.add(line);
        }
        return lines;
    }
}
