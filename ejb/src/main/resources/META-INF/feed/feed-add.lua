-- Adds post IDs to a capped feed (a sorted set, score and member the ID) and trims it to the newest ARGV[1]. With
-- ARGV[3] = '1' it also marks the feed complete (the sentinel '~' at +inf, which trimming by rank never reaches):
-- only a feed rebuilt from the documents is complete; a feed a fanout created on its own is not, and its next read
-- rebuilds it — merging, so what the fanout added meanwhile stays. Adding an ID twice changes nothing.
-- KEYS[1] the feed; ARGV[1] cap, ARGV[2] TTL seconds, ARGV[3] '1' to mark complete, ARGV[4..] the IDs.
for i = 4, #ARGV do
  redis.call('ZADD', KEYS[1], ARGV[i], ARGV[i])
end
if ARGV[3] == '1' then
  redis.call('ZADD', KEYS[1], 'inf', '~')
end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -(tonumber(ARGV[1]) + 2))
redis.call('EXPIRE', KEYS[1], ARGV[2])
return redis.call('ZCARD', KEYS[1])
