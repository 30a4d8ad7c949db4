-- Makes a cold cached set warm from a staging set the caller filled from the documents (in pipelined chunks, so a
-- set of any size loads). Only a cold set is loaded: if another caller loaded it first, that copy stays and the
-- staging set is dropped — every change made since that load went into it, so replacing it could lose them.
-- Nor is a copy read before Redis was flushed: a change made on a warm set after this load read the documents and
-- then lost with the flush would be missing from it. The caller read the set's generation key before it read the
-- documents; a flush (or its expiry) removes it, so a different value here means the copy may be older than that.
-- KEYS[1] the set, KEYS[2] the counters hash, KEYS[3] the staging set, KEYS[4] the generation key; ARGV[1] the
-- counter field, ARGV[2] TTL seconds, ARGV[3] the generation read before the documents. Returns 1 when loaded, 0
-- when not (the caller then tries its change again, loading again if the set is still cold).
if redis.call('EXISTS', KEYS[1]) == 1 or redis.call('GET', KEYS[4]) ~= ARGV[3] then
  redis.call('DEL', KEYS[3])
  return 0
end
redis.call('SADD', KEYS[3], '~')
redis.call('RENAME', KEYS[3], KEYS[1])
redis.call('HSET', KEYS[2], ARGV[1], redis.call('SCARD', KEYS[1]) - 1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return 1
