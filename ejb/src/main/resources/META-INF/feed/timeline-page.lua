-- Everything a timeline page shows about its posts, in one call (one round trip, where the page took three: the
-- posts, then whether their authors blocked the reader, then counters, likedByMe and reposted originals). Reads only;
-- what Redis lacks comes back empty and the caller rebuilds it from the documents, as every tier does.
-- For n posts: KEYS[i] post i's content hash, KEYS[n + i] its counters, KEYS[2n + i] its likes (i = 1..n);
-- ARGV[1] the reader's ID, ARGV[2] the prefix of block sets' keys, ARGV[3] of content hashes' keys. The authors' block
-- sets and the originals' hashes are named by what the posts hold, so they cannot be KEYS: under Redis Cluster this
-- call would have to become a pipeline again.
-- Per post: {content hash, SMISMEMBER(author's blocks, '~', reader) or {} for the reader's own post,
-- HMGET(counters, likes, comments, shares), SMISMEMBER(likes, '~', reader), the reposted post's hash or {}}.
local reader, blocksPrefix, postPrefix = ARGV[1], ARGV[2], ARGV[3]
local n = #KEYS / 3
local out = {}
for i = 1, n do
  local post = redis.call('HGETALL', KEYS[i])
  local author, original
  for j = 1, #post, 2 do
    if post[j] == 'author' then author = post[j + 1] elseif post[j] == 'sharedFrom' then original = post[j + 1] end
  end
  local blocked = {}
  if author and author ~= reader then
    blocked = redis.call('SMISMEMBER', blocksPrefix .. author, '~', reader)
  end
  local counts = redis.call('HMGET', KEYS[n + i], 'likes', 'comments', 'shares')
  local liked = redis.call('SMISMEMBER', KEYS[2 * n + i], '~', reader)
  local shared = {}
  if original then
    shared = redis.call('HGETALL', postPrefix .. original)
  end
  out[i] = {post, blocked, counts, liked, shared}
end
return out
