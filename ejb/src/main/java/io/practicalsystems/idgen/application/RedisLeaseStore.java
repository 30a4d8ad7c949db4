package io.practicalsystems.idgen.application;

import io.practicalsystems.idgen.LeaseStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Worker-ID leases as Redis keys {@code idgen:lease:<id>} holding the owner's token, with a TTL.
 * Renew and release are Lua scripts so they only ever touch a lease the caller still owns (compare-and-set);
 * a plain GET-then-PEXPIRE could extend a lease that expired and was taken by someone else in between.
 */
public final class RedisLeaseStore implements LeaseStore {

    public static final String KEY_PREFIX = "idgen:lease:";

    private static final String RENEW = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('PEXPIRE', KEYS[1], ARGV[2])
            end
            return 0""";
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""";

    private final UnifiedJedis redis;

    public RedisLeaseStore(UnifiedJedis redis) {
        this.redis = redis;
    }

    public static String key(int workerId) {
        return KEY_PREFIX + workerId;
    }

    @Override
    public boolean tryAcquire(int workerId, String owner, long ttlMillis) {
        return "OK".equals(redis.set(key(workerId), owner, SetParams.setParams().nx().px(ttlMillis)));
    }

    @Override
    public boolean renew(int workerId, String owner, long ttlMillis) {
        Object result = redis.eval(RENEW, List.of(key(workerId)), List.of(owner, Long.toString(ttlMillis)));
        return result instanceof Long l && l == 1L;
    }

    @Override
    public void release(int workerId, String owner) {
        redis.eval(RELEASE, List.of(key(workerId)), List.of(owner));
    }

    /** Redis server time in epoch milliseconds (TIME returns seconds and microseconds). */
    public static long redisTimeMillis(UnifiedJedis redis) {
        @SuppressWarnings("unchecked")
        List<Object> parts = (List<Object>) redis.sendCommand(Protocol.Command.TIME);
        long seconds = Long.parseLong(new String((byte[]) parts.get(0), StandardCharsets.US_ASCII));
        long micros = Long.parseLong(new String((byte[]) parts.get(1), StandardCharsets.US_ASCII));
        return seconds * 1000 + micros / 1000;
    }
}
