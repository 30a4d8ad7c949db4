-- Frontier restore (RedisFrontier.restore): URLs whose pages are stored, put back as seen and done after the crawl's
-- frontier was lost with its Redis data. Not queued; counted as admitted and under their outcome, per crawl and per
-- host, so the limits (maxPages, maxPagesPerHost, query variants) go on from where they were. A URL already seen is
-- left alone. Atomic per batch. Key names: see FrontierKeys.java.
--
-- KEYS[1] seen (SET of hashes, or a Bloom filter's bits)   KEYS[2] hosts (ZSET)   KEYS[3] counters (HASH)
-- KEYS[4] path variants (HASH)
-- ARGV[1] per-crawl key prefix   ARGV[2] 'exact' or 'bloom'
-- ARGV[3..] 4 per URL: seen hash or bit positions, host key, path key ('' = not limited), FETCHED|FAILED|SKIPPED
-- Returns the number of URLs restored.
local base = ARGV[1]
local bloom = ARGV[2] == 'bloom'
local restored = 0

local function seenBefore(seenKey)
  if not bloom then
    return redis.call('SADD', KEYS[1], seenKey) == 0
  end
  local all = true
  for position in string.gmatch(seenKey, '%d+') do
    if redis.call('SETBIT', KEYS[1], position, 1) == 0 then
      all = false
    end
  end
  return all
end

for i = 3, #ARGV, 4 do
  local seenKey, host, pathKey, outcome = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  if not seenBefore(seenKey) then
    local hostKey = base .. 'h:' .. host
    redis.call('HINCRBY', KEYS[3], 'admitted', 1)
    redis.call('HINCRBY', hostKey, 'admitted', 1)
    if pathKey ~= '' then
      redis.call('HINCRBY', KEYS[4], pathKey, 1)
    end
    if outcome == 'FETCHED' then
      redis.call('HINCRBY', KEYS[3], 'fetched', 1)
      redis.call('HINCRBY', hostKey, 'fetched', 1)
    elseif outcome == 'FAILED' then
      redis.call('HINCRBY', KEYS[3], 'failed', 1)
      redis.call('HINCRBY', hostKey, 'errors', 1)
    else
      redis.call('HINCRBY', KEYS[3], 'skipped', 1)
    end
    redis.call('ZADD', KEYS[2], 'NX', 0, host)
    restored = restored + 1
  end
end
return restored
