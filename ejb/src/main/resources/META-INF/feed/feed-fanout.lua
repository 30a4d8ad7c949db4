-- Adds one post ID to each of a batch of capped feeds in one call (the fanout's push: one script call per batch,
-- not per feed). Per feed: ZADD (adding an ID twice changes nothing); only when that added a member is the feed's
-- size looked at: over the cap (cap IDs + the completeness sentinel '~', see feed-add.lua) it is trimmed by rank,
-- which never reaches '~' at +inf; a feed this push created (Redis had lost it) gets the TTL, so it is bounded in
-- time too. A feed that was there keeps its TTL: it runs from the feed's rebuild and a read restarts it
-- (CappedFeeds.keepIn), not every push — an EXPIRE per feed, written to the append-only file per feed, cost more
-- than the ZADDs themselves.
-- Then, when a channel is given, PUBLISHes the batch's live announcement on it: in the same call, so a batch is one
-- round trip, and the announcement goes out only after the batch's feeds hold the post.
-- KEYS the feeds; ARGV[1] cap, ARGV[2] TTL seconds, ARGV[3] the post ID, ARGV[4] (optional) the live channel,
-- ARGV[5] the announcement. Under Redis Cluster the keys of one call must share a hash slot: a batch would first be
-- grouped by slot.
local keep = tonumber(ARGV[1]) + 1
for i = 1, #KEYS do
  if redis.call('ZADD', KEYS[i], ARGV[3], ARGV[3]) == 1 then
    local size = redis.call('ZCARD', KEYS[i])
    if size == 1 then
      redis.call('EXPIRE', KEYS[i], ARGV[2])
    elseif size > keep then
      redis.call('ZREMRANGEBYRANK', KEYS[i], 0, -(keep + 1))
    end
  end
end
if ARGV[4] then
  redis.call('PUBLISH', ARGV[4], ARGV[5])
end
return #KEYS
