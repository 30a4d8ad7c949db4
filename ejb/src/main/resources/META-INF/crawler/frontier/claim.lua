-- Frontier claim (RedisFrontier.claim): reclaims expired leases, then leases due hosts and pops one URL each.
-- Atomic; the clock is Redis TIME (one clock for every server) unless ARGV[2] overrides it (tests only).
-- Key names: keep in step with FrontierKeys.java; see offer.lua for the host queue format.
--
-- KEYS[1] ready   KEYS[2] in flight (ZSET token -> lease expiry ms)   KEYS[3] claims (HASH token -> JSON)
-- KEYS[4] counters
-- ARGV[1] per-crawl key prefix   ARGV[2] now in ms, or '' for Redis TIME   ARGV[3] worker id   ARGV[4] max claims
-- ARGV[5] lease ms   ARGV[6] maxPages   ARGV[7] maxPagesPerHost   ARGV[8] max leases reclaimed
-- ARGV[9] max due hosts examined (bounds the work of one call)   ARGV[10] claim ahead ms: hosts due that soon count
-- Returns one {url, host, depth, kind, attempt, host consecutive errors, token, lease expiry, ms until due} per claim.
local base = ARGV[1]
local now = tonumber(ARGV[2])
if now == nil then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local worker, maxClaims, leaseMs = ARGV[3], tonumber(ARGV[4]), tonumber(ARGV[5])
local maxPages, maxPerHost = tonumber(ARGV[6]), tonumber(ARGV[7])

-- 1. expired leases: their URL back to its host queue (attempt unchanged), the host due after its last delay
for _, token in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[8]))) do
  local record = redis.call('HGET', KEYS[3], token)
  redis.call('ZREM', KEYS[2], token)
  redis.call('HDEL', KEYS[3], token)
  if record then
    local c = cjson.decode(record)
    local hostKey = base .. 'h:' .. c.h
    redis.call('ZADD', base .. 'q:' .. c.h, c.p, c.e)
    redis.call('HINCRBY', KEYS[4], 'queued', 1)
    if redis.call('HGET', hostKey, 'lease') == token then
      local next = now + tonumber(redis.call('HGET', hostKey, 'delay') or '0')
      redis.call('HDEL', hostKey, 'lease', 'leasedBy', 'leaseExpires')
      redis.call('HSET', hostKey, 'next', next)
      redis.call('ZADD', KEYS[1], next, c.h)
    end
  end
end

-- 2. the budget: URLs fetched plus in flight never pass maxPages
local budget = maxPages - tonumber(redis.call('HGET', KEYS[4], 'fetched') or '0') - redis.call('ZCARD', KEYS[2])
if budget <= 0 then
  return {}
end

-- 3. due hosts (longest due first, bounded), best head priority first
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now + tonumber(ARGV[10]), 'WITHSCORES', 'LIMIT', 0,
  tonumber(ARGV[9]))
local candidates = {}
for i = 1, #due, 2 do
  local host = due[i]
  local head = redis.call('ZRANGE', base .. 'q:' .. host, 0, 0, 'WITHSCORES')
  if #head == 0 or redis.call('HEXISTS', base .. 'h:' .. host, 'lease') == 1 then
    redis.call('ZREM', KEYS[1], host) -- not due after all: nothing queued, or leased
  else
    candidates[#candidates + 1] = {host = host, entry = head[1], priority = tonumber(head[2]), due = tonumber(due[i + 1])}
  end
end
table.sort(candidates, function(a, b)
  if a.priority ~= b.priority then return a.priority < b.priority end
  if a.due ~= b.due then return a.due < b.due end
  return a.host < b.host
end)

-- 4. one URL per host, the host leased to the worker
local claims = {}
for _, c in ipairs(candidates) do
  if #claims >= maxClaims or budget <= 0 then
    break
  end
  local hostKey, queueKey = base .. 'h:' .. c.host, base .. 'q:' .. c.host
  local host = redis.call('HMGET', hostKey, 'fetched', 'consecutive')
  redis.call('ZREM', KEYS[1], c.host)
  if tonumber(host[1] or '0') >= maxPerHost then
    -- the host's limit was lowered after its URLs were admitted: the rest will never be fetched
    local n = redis.call('ZCARD', queueKey)
    redis.call('DEL', queueKey)
    redis.call('HINCRBY', KEYS[4], 'skipped', n)
    redis.call('HINCRBY', KEYS[4], 'queued', -n)
  else
    redis.call('ZREM', queueKey, c.entry)
    redis.call('HINCRBY', KEYS[4], 'queued', -1)
    local token = tostring(redis.call('HINCRBY', KEYS[4], 'tokens', 1))
    local expires = now + leaseMs
    redis.call('HSET', hostKey, 'lease', token, 'leasedBy', worker, 'leaseExpires', expires)
    redis.call('ZADD', KEYS[2], expires, token)
    redis.call('HSET', KEYS[3], token, cjson.encode({h = c.host, p = c.priority, e = c.entry}))
    budget = budget - 1
    local _, attempt, depth, kind, url = string.match(c.entry, '^(%d+)|(%d+)|(%d+)|(%u+)|(.*)$')
    claims[#claims + 1] = {url, c.host, tonumber(depth), kind, tonumber(attempt), tonumber(host[2] or '0'),
      token, expires, math.max(0, c.due - now)}
  end
end
return claims
