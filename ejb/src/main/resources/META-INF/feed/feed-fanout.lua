-- Adds one post ID to each of a batch of capped feeds in one call (the fanout's push: one script call per batch,
-- not per feed). Per feed: ZADD (adding an ID twice changes nothing); only when that added a member and the feed
-- is now over the cap (cap IDs + the completeness sentinel '~', see feed-add.lua) is it trimmed by rank, which
-- never reaches '~' at +inf; then EXPIRE, so every feed stays bounded in size and time.
-- KEYS the feeds; ARGV[1] cap, ARGV[2] TTL seconds, ARGV[3] the post ID.
-- Under Redis Cluster the keys of one call must share a hash slot: a batch would first be grouped by slot.
local keep = tonumber(ARGV[1]) + 1
for i = 1, #KEYS do
  if redis.call('ZADD', KEYS[i], ARGV[3], ARGV[3]) == 1 and redis.call('ZCARD', KEYS[i]) > keep then
    redis.call('ZREMRANGEBYRANK', KEYS[i], 0, -(keep + 1))
  end
  redis.call('EXPIRE', KEYS[i], ARGV[2])
end
return #KEYS
