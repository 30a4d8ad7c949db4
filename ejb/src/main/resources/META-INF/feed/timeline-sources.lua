-- What a home-timeline read merges, in one call (where it took two round trips): the reader's last read (recorded
-- anew only when still within the inactivity window: a reader who was away records it after the rebuild of their
-- feed, see FanoutPlanner.feedNeedsRebuild), whom they follow, their pushed home feed (newest first; its TTL restarted
-- once below half), whom they blocked, and the recent PULL posts of each followed author (and the reader) who ever
-- published one. Cold sets come back as they are (no sentinel '~') and the caller loads them from the documents.
-- KEYS[1] last read, KEYS[2] following, KEYS[3] home feed, KEYS[4] PULL authors, KEYS[5] the reader's blocks.
-- ARGV[1] reader ID, ARGV[2] now (ms), ARGV[3] earliest last read still active (ms), ARGV[4] the last read's TTL (ms),
-- ARGV[5] last rank of the home feed to read, ARGV[6] feed TTL (s), ARGV[7] prefix of the PULL lists' keys,
-- ARGV[8] last rank of a PULL list to read. The PULL lists are named by the followed authors, so they cannot be KEYS:
-- under Redis Cluster this call would have to become a pipeline again.
-- Returns {last read or nil, 1 if recorded else 0, following, home feed, blocks, PULL authors read or nil when
-- following or PULL authors is cold, their lists in the same order}.
local last = redis.call('GET', KEYS[1])
local recorded = 0
if last and tonumber(last) >= tonumber(ARGV[3]) then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[4])
  recorded = 1
end
local following = redis.call('SMEMBERS', KEYS[2])
local home = redis.call('ZREVRANGE', KEYS[3], 0, ARGV[5])
local ttl = redis.call('TTL', KEYS[3])
if ttl == -1 or (ttl >= 0 and ttl < tonumber(ARGV[6]) / 2) then
  redis.call('EXPIRE', KEYS[3], ARGV[6])
end
local blocks = redis.call('SMEMBERS', KEYS[5])
local authors, lists = false, {}
-- Both warm: their intersection holds the sentinel (a cold set lacks it, and nothing else is '~').
local common = redis.call('SINTER', KEYS[2], KEYS[4])
local warm = false
for _, a in ipairs(common) do
  if a == '~' then warm = true end
end
if warm then
  authors = {}
  if redis.call('SISMEMBER', KEYS[4], ARGV[1]) == 1 then
    authors[#authors + 1] = ARGV[1]
  end
  for _, a in ipairs(common) do
    if a ~= '~' and a ~= ARGV[1] then authors[#authors + 1] = a end
  end
  for i, a in ipairs(authors) do
    lists[i] = redis.call('ZREVRANGE', ARGV[7] .. a, 0, ARGV[8])
  end
end
return {last, recorded, following, home, blocks, authors, lists}
