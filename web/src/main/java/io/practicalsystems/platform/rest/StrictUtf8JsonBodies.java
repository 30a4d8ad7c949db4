package io.practicalsystems.platform.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every JSON request body ({@code application/json}, {@code …+json}) must be UTF-8 (RFC 8259) and at most
 * {@code ps.rest.max-json-body-bytes} long, checked before JSON-B sees it: the provider's reader would turn invalid
 * bytes into U+FFFD and store that silently. Invalid UTF-8 → 400 (field {@code body}), too long → 413, another
 * declared charset → 415, all problem+json. The body is read into memory once, which the limit bounds.
 */
@Provider
@ApplicationScoped
public class StrictUtf8JsonBodies implements ReaderInterceptor {

    @Inject
    @ConfigProperty(name = "ps.rest.max-json-body-bytes", defaultValue = "1048576")
    int maxBytes;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || !isJson(type)) {
            return context.proceed();
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8")) {
            throw new WebApplicationException(Problems.of(415, "unsupported-media-type", "Unsupported Media Type",
                    "JSON request bodies must be UTF-8 (RFC 8259), not " + charset));
        }
        byte[] body = readAtMost(context.getInputStream(), maxBytes);
        requireUtf8(body);
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        return type.getType().equalsIgnoreCase("application")
                && (type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    private static byte[] readAtMost(InputStream in, int maxBytes) throws IOException {
        byte[] body = in.readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new WebApplicationException(Problems.of(413, "body-too-large", "Request body too large",
                    "JSON request bodies may be at most " + maxBytes + " bytes"));
        }
        return body;
    }

    /** Strict decoding: a malformed or truncated sequence is an error, never replaced. */
    static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw new InvalidParameterException("body", "the request body is not valid UTF-8");
        }
    }
}
