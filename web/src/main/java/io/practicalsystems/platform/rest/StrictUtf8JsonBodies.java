package io.practicalsystems.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Every JSON request body ({@code application/json}, {@code …+json}) read into an object must be UTF-8 (RFC 8259):
 * the JSON-B provider's reader would turn invalid bytes into U+FFFD and the application would store that silently.
 * The body is checked as it streams into the parser (no copy, so large peer messages cost nothing extra); the first
 * invalid byte fails the read, which the body mappers answer with 400 problem+json (field {@code body}) via
 * {@link #invalidUtf8(Throwable)}. A declared charset other than UTF-8 → 415. Raw {@code byte[]} and stream
 * entities (key-value values) are left alone.
 */
@Provider
public class StrictUtf8JsonBodies implements ReaderInterceptor {

    static final String DETAIL = "the request body is not valid UTF-8";

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        Class<?> target = context.getType();
        if (type == null || !isJson(type) || target == byte[].class || InputStream.class.isAssignableFrom(target)) {
            return context.proceed();
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new WebApplicationException(Problems.of(415, "unsupported-media-type", "Unsupported Media Type",
                    "JSON request bodies must be UTF-8 (RFC 8259), not " + charset));
        }
        context.setInputStream(new Utf8CheckingStream(context.getInputStream()));
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return type.getType().equalsIgnoreCase("application") && (subtype.equals("json") || subtype.endsWith("+json"));
    }

    /** The 400 answer if {@code failure} (however the provider wrapped it) came from an invalid byte; else empty. */
    public static Optional<Response> invalidUtf8(Throwable failure) {
        return causedByInvalidUtf8(failure) ? Optional.of(Problems.badRequest("body", DETAIL)) : Optional.empty();
    }

    static boolean causedByInvalidUtf8(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidUtf8) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by the stream; an IOException because that is what a reader's stream may throw. */
    static final class InvalidUtf8 extends CharacterCodingException {
    }

    /** Passes bytes through unchanged while a strict decoder follows them; fails at the first invalid sequence. */
    static final class Utf8CheckingStream extends FilterInputStream {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer sink = CharBuffer.allocate(1024);
        private byte[] incomplete = new byte[0]; // the start of a sequence split across two reads (at most 3 bytes)
        private boolean ended;

        Utf8CheckingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                check(ByteBuffer.wrap(b, off, n), false);
            } else if (n < 0 && !ended) {
                ended = true;
                check(ByteBuffer.allocate(0), true);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return Math.max(read(new byte[(int) Math.max(0, Math.min(n, 8192))]), 0); // skipped bytes are checked too
        }

        private void check(ByteBuffer bytes, boolean endOfInput) throws InvalidUtf8 {
            ByteBuffer in = ByteBuffer.allocate(incomplete.length + bytes.remaining()).put(incomplete).put(bytes)
                    .flip();
            CoderResult result;
            do {
                sink.clear();
                result = decoder.decode(in, sink, endOfInput);
            } while (result.isOverflow());
            if (result.isError() || (endOfInput && in.hasRemaining())) {
                throw new InvalidUtf8();
            }
            incomplete = new byte[in.remaining()];
            in.get(incomplete);
        }
    }
}
