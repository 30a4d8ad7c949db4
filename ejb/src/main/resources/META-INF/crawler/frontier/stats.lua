-- Frontier stats (RedisFrontier.stats/exhausted): one consistent snapshot. Key names: see FrontierKeys.java.
-- KEYS[1] counters   KEYS[2] in flight   KEYS[3] hosts
-- Returns {queued, in flight, fetched, failed, skipped, seen (= admitted), hosts}
local c = redis.call('HMGET', KEYS[1], 'queued', 'fetched', 'failed', 'skipped', 'admitted')
return {tonumber(c[1] or '0'), redis.call('ZCARD', KEYS[2]), tonumber(c[2] or '0'), tonumber(c[3] or '0'),
  tonumber(c[4] or '0'), tonumber(c[5] or '0'), redis.call('ZCARD', KEYS[3])}
