-- Frontier complete (RedisFrontier.complete): applies a claim's outcome and re-arms its host. Atomic; the clock
-- is Redis TIME unless ARGV[2] overrides it (tests only). Key names: keep in step with FrontierKeys.java.
--
-- KEYS[1] ready   KEYS[2] in flight   KEYS[3] claims   KEYS[4] counters
-- ARGV[1] per-crawl key prefix   ARGV[2] now in ms, or ''   ARGV[3] token   ARGV[4] url
-- ARGV[5] FETCHED|FAILED|SKIPPED|RETRY|REQUEUE   ARGV[6] host delay ms   ARGV[7] what is left of it from now (the
-- delay runs from the request's answer, see Completion.java): the host is due at now + ARGV[7], keeps ARGV[6]
-- Returns 1, or 0 when the claim is stale (reclaimed after its lease expired, or already completed).
local base, token, url, outcome = ARGV[1], ARGV[3], ARGV[4], ARGV[5]
local record = redis.call('HGET', KEYS[3], token)
if not record then
  return 0
end
local c = cjson.decode(record)
local seq, attempt, depth, kind, entryUrl = string.match(c.e, '^(%d+)|(%d+)|(%d+)|(%u+)|(.*)$')
if entryUrl ~= url then
  return 0
end
local now = tonumber(ARGV[2])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local hostKey, queueKey = base .. 'h:' .. c.h, base .. 'q:' .. c.h

if outcome == 'FETCHED' then
  redis.call('HINCRBY', KEYS[4], 'fetched', 1)
  redis.call('HINCRBY', hostKey, 'fetched', 1)
  redis.call('HSET', hostKey, 'consecutive', 0)
elseif outcome == 'FAILED' or outcome == 'RETRY' then
  redis.call('HINCRBY', hostKey, 'errors', 1)
  redis.call('HINCRBY', hostKey, 'consecutive', 1)
  if outcome == 'FAILED' then
    redis.call('HINCRBY', KEYS[4], 'failed', 1)
  else
    redis.call('ZADD', queueKey, c.p, string.format('%s|%d|%s|%s|%s', seq, tonumber(attempt) + 1, depth, kind, url))
    redis.call('HINCRBY', KEYS[4], 'queued', 1)
  end
elseif outcome == 'SKIPPED' then
  redis.call('HINCRBY', KEYS[4], 'skipped', 1)
elseif outcome == 'REQUEUE' then
  redis.call('ZADD', queueKey, c.p, c.e)
  redis.call('HINCRBY', KEYS[4], 'queued', 1)
else
  return redis.error_reply('unknown outcome ' .. outcome)
end

redis.call('HDEL', KEYS[3], token)
redis.call('ZREM', KEYS[2], token)
local delay, remaining = tonumber(ARGV[6]), tonumber(ARGV[7])
if redis.call('HGET', hostKey, 'lease') == token then
  redis.call('HDEL', hostKey, 'lease', 'leasedBy', 'leaseExpires')
end
redis.call('HSET', hostKey, 'next', now + remaining, 'delay', delay)
if redis.call('ZCARD', queueKey) > 0 then
  redis.call('ZADD', KEYS[1], now + remaining, c.h)
end
return 1
