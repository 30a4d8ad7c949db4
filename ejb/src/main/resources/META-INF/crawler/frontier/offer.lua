-- Frontier offer (RedisFrontier.offer): admits each URL not seen before and within the limits. Atomic.
-- Key names: keep in step with FrontierKeys.java. Every key of a crawl shares the hash tag {crawlId}, so the
-- per-host keys this script builds from ARGV[1] live in the same Redis Cluster slot as the declared KEYS.
--
-- KEYS[1] seen: a SET of 128-bit URL hashes, or a Bloom filter's bit string   KEYS[2] ready (ZSET host -> next ms)
-- KEYS[3] hosts (ZSET, all scores 0: host keys in byte order, for paging)
-- KEYS[4] counters (HASH admitted, queued, fetched, failed, skipped, seq, tokens)
-- KEYS[5] path variants (HASH pathKey -> n)
-- ARGV[1] per-crawl key prefix   ARGV[2] maxDepth   ARGV[3] maxPagesPerHost   ARGV[4] maxQueryVariantsPerPath
-- ARGV[5] 'exact' or 'bloom'
-- ARGV[6..] 7 per URL: seen hash (exact) or comma-separated bit positions (bloom), url, host key, depth, priority,
--           path key ('' = not limited), kind
-- Returns {admitted, alreadySeen, rejectedDepth, rejectedHostLimit, rejectedQueryVariants}
--
-- A host queue (ZSET base..'q:'..host) is scored by priority; its members are
-- '<15-digit arrival seq>|<attempt>|<depth>|<kind>|<url>', so equal priorities leave in arrival order.
local base = ARGV[1]
local maxDepth = tonumber(ARGV[2])
local maxPerHost = tonumber(ARGV[3])
local maxVariants = tonumber(ARGV[4])
local bloom = ARGV[5] == 'bloom'
local admitted, seen, deep, hostLimit, variants = 0, 0, 0, 0, 0

local function isSeen(seenKey)
  if not bloom then
    return redis.call('SISMEMBER', KEYS[1], seenKey) == 1
  end
  for position in string.gmatch(seenKey, '%d+') do
    if redis.call('GETBIT', KEYS[1], position) == 0 then
      return false
    end
  end
  return true
end

local function markSeen(seenKey)
  if not bloom then
    redis.call('SADD', KEYS[1], seenKey)
    return
  end
  for position in string.gmatch(seenKey, '%d+') do
    redis.call('SETBIT', KEYS[1], position, 1)
  end
end

for i = 6, #ARGV, 7 do
  local seenKey, url, host = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local depth, priority, pathKey, kind = tonumber(ARGV[i + 3]), ARGV[i + 4], ARGV[i + 5], ARGV[i + 6]
  local hostKey = base .. 'h:' .. host
  if isSeen(seenKey) then
    seen = seen + 1
  elseif depth > maxDepth then
    deep = deep + 1
  elseif tonumber(redis.call('HGET', hostKey, 'admitted') or '0') >= maxPerHost then
    hostLimit = hostLimit + 1
  elseif pathKey ~= '' and tonumber(redis.call('HGET', KEYS[5], pathKey) or '0') >= maxVariants then
    variants = variants + 1
  else
    markSeen(seenKey)
    redis.call('HINCRBY', KEYS[4], 'admitted', 1)
    if pathKey ~= '' then
      redis.call('HINCRBY', KEYS[5], pathKey, 1)
    end
    redis.call('HINCRBY', hostKey, 'admitted', 1)
    local seq = redis.call('HINCRBY', KEYS[4], 'seq', 1)
    redis.call('ZADD', base .. 'q:' .. host, priority, string.format('%015d|0|%d|%s|%s', seq, depth, kind, url))
    redis.call('HINCRBY', KEYS[4], 'queued', 1)
    redis.call('ZADD', KEYS[3], 'NX', 0, host)
    -- a leased host is re-armed by its completion; an idle one becomes due at its next fetch time
    if redis.call('HEXISTS', hostKey, 'lease') == 0 then
      redis.call('ZADD', KEYS[2], 'NX', tonumber(redis.call('HGET', hostKey, 'next') or '0'), host)
    end
    admitted = admitted + 1
  end
end
return {admitted, seen, deep, hostLimit, variants}
