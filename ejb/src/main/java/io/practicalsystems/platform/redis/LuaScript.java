package io.practicalsystems.platform.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), so each call sends a 40-byte digest instead of the script text
 * and Redis does not re-hash it. After a {@code NOSCRIPT} (Redis restarted, or its script cache was flushed) the
 * call is repeated once as {@code EVAL}, which also puts the script back into the cache. Errors go to the caller.
 */
public final class LuaScript {

    private final String text;
    private final String sha;

    public LuaScript(String text) {
        this.text = Objects.requireNonNull(text, "text");
        this.sha = sha1Hex(text);
    }

    /** The script in a class-path resource, e.g. {@code /META-INF/ratelimit/token-bucket.lua}. */
    public static LuaScript fromResource(String resource) {
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return text;
    }

    /** The SHA-1 Redis knows the script by. */
    public String sha() {
        return sha;
    }

    /** {@code SCRIPT LOAD}s the script ahead of the first call; optional, {@link #run} falls back to EVAL anyway. */
    public void load(UnifiedJedis redis) {
        String loaded = redis.scriptLoad(text);
        if (!sha.equalsIgnoreCase(loaded)) {
            throw new IllegalStateException("Redis reports SHA " + loaded + " for a script, expected " + sha);
        }
    }

    public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisNoScriptException e) {
            return redis.eval(text, keys, args);
        }
    }

    /**
     * The call as {@code EVALSHA}, queued on {@code pipe}: valid after the pipeline's sync. There is no fallback in
     * a pipeline; a reply for which {@link #isNoScript} holds asks the caller to {@link #load} and run it again.
     */
    public Response<Object> runIn(AbstractPipeline pipe, List<String> keys, List<String> args) {
        return pipe.evalsha(sha, keys, args);
    }

    /** True when a pipelined call failed only because Redis did not have the script (restarted, or flushed). */
    public static boolean isNoScript(JedisDataException e) {
        return e instanceof JedisNoScriptException
                || (e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT"));
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JRE", e);
        }
    }
}
