-- Adds a member to, or removes it from, a cached set, and writes the set's count into the counters hash, in one
-- step. Only a warm set (one loaded from the documents: it holds the sentinel '~') is changed; on a cold one nothing
-- happens and -1 is returned, so the caller loads it first. Counting SCARD (minus the sentinel) in the same script
-- makes the counter exact under any concurrency: adding a member twice counts once.
-- KEYS[1] the set, KEYS[2] the counters hash; ARGV[1] the counter field, ARGV[2] TTL seconds,
-- ARGV[3] 'add' or 'remove', ARGV[4] the member. Returns {changed (0/1), count} or -1 when cold.
if redis.call('SISMEMBER', KEYS[1], '~') == 0 then
  return -1
end
local changed
if ARGV[3] == 'add' then
  changed = redis.call('SADD', KEYS[1], ARGV[4])
else
  changed = redis.call('SREM', KEYS[1], ARGV[4])
end
local count = redis.call('SCARD', KEYS[1]) - 1
redis.call('HSET', KEYS[2], ARGV[1], count)
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return {changed, count}
