package io.practicalsystems.crawler.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body: decodes gzip/deflate, stops at the size limit counted in decoded bytes (so a small
 * compressed "bomb" is cut like a large page), and stops when the overall deadline passes even while bytes keep
 * trickling in (a read timeout alone never ends a server that sends one byte per second).
 */
final class BodyReader {

    /** The body, and whether it was cut at the limit. */
    record Body(byte[] bytes, boolean truncated) {}

    /** The deadline passed before the body ended. */
    static final class DeadlineExceeded extends IOException {
        final long bytesRead;

        DeadlineExceeded(long bytesRead) {
            super("the response did not end before the deadline (" + bytesRead + " bytes received)");
            this.bytesRead = bytesRead;
        }
    }

    /** A Content-Encoding this reader cannot decode. */
    static final class UnsupportedEncoding extends IOException {
        UnsupportedEncoding(String encoding) {
            super("the response uses Content-Encoding '" + encoding + "', which the crawler does not decode");
        }
    }

    private BodyReader() {
    }

    /**
     * @param contentEncoding the Content-Encoding header, or null
     * @param deadlineNanos   System.nanoTime() value after which reading stops
     */
    static Body read(InputStream raw, String contentEncoding, long maxBytes, long deadlineNanos,
                     long expectedLength) throws IOException {
        InputStream in = decoded(raw, contentEncoding);
        int initial = (int) Math.max(1024, Math.min(expectedLength > 0 ? expectedLength : 16_384, Math.min(maxBytes, 1 << 20)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(initial);
        byte[] buffer = new byte[8192];
        long total = 0;
        while (true) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new DeadlineExceeded(total);
            }
            long room = maxBytes - total;
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, room + 1));
            if (n < 0) {
                return new Body(out.toByteArray(), false);
            }
            if (n > room) {
                out.write(buffer, 0, (int) room);
                return new Body(out.toByteArray(), true);
            }
            out.write(buffer, 0, n);
            total += n;
        }
    }

    private static InputStream decoded(InputStream raw, String contentEncoding) throws IOException {
        String encoding = contentEncoding == null ? "" : contentEncoding.trim().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "", "identity" -> {
                return raw;
            }
            case "gzip", "x-gzip" -> {
                return new GZIPInputStream(raw, 8192);
            }
            case "deflate" -> {
                // "deflate" should be zlib-wrapped (RFC 9110) but some servers send raw deflate: look at the header.
                PushbackInputStream peek = new PushbackInputStream(raw, 2);
                int b0 = peek.read();
                int b1 = b0 < 0 ? -1 : peek.read();
                if (b1 >= 0) {
                    peek.unread(b1);
                }
                if (b0 >= 0) {
                    peek.unread(b0);
                }
                boolean zlib = b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
                return new InflaterInputStream(peek, new Inflater(!zlib), 8192);
            }
            default -> throw new UnsupportedEncoding(encoding);
        }
    }
}
