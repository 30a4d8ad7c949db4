-- Frontier hosts page (RedisFrontier.hosts). Key names: keep in step with FrontierKeys.java.
-- KEYS[1] hosts (ZSET, scores 0, in byte order)
-- ARGV[1] per-crawl key prefix   ARGV[2] the host key to continue after, or ''   ARGV[3] page size
-- Returns {{host, queued, fetched, errors, consecutive errors, next fetch ms, leased by or '', lease expiry, delay}...,
--          1 if more hosts follow else 0}
local base, after, limit = ARGV[1], ARGV[2], tonumber(ARGV[3])
local from = '-'
if after ~= '' then
  from = '(' .. after
end
local names = redis.call('ZRANGEBYLEX', KEYS[1], from, '+', 'LIMIT', 0, limit + 1)
local page = {}
for i = 1, math.min(#names, limit) do
  local host = names[i]
  local h = redis.call('HMGET', base .. 'h:' .. host, 'fetched', 'errors', 'consecutive', 'next', 'leasedBy',
    'leaseExpires', 'delay')
  page[i] = {host, redis.call('ZCARD', base .. 'q:' .. host), tonumber(h[1] or '0'), tonumber(h[2] or '0'),
    tonumber(h[3] or '0'), tonumber(h[4] or '0'), h[5] or '', tonumber(h[6] or '0'),
    tonumber(h[7] or '0')}
end
if #names > limit then
  page[#page + 1] = 1
else
  page[#page + 1] = 0
end
return page
