-- Duplicate check and record for one page (ContentIndex.checkAndRecord), atomic.
-- KEYS[1] hash sha256 -> first URL   KEYS[2..] one set per SimHash band value (absent: exact check only)
-- ARGV[1] sha256 hex   ARGV[2] url   ARGV[3] SimHash high 32 bits   ARGV[4] low 32 bits (signed decimals)
-- ARGV[5] max Hamming distance   ARGV[6] members compared per band at most
-- Returns {'exact', url}, {'near', url} or {'new', ''}. A URL never duplicates itself.
local url = ARGV[2]
local first = redis.call('HGET', KEYS[1], ARGV[1])
if first and first ~= url then
  return {'exact', first}
end
if not first then
  redis.call('HSET', KEYS[1], ARGV[1], url)
end
if #KEYS < 2 then
  return {'new', ''}
end
local hi, lo, max, sample = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
local function bits(x)
  local n = 0
  while x ~= 0 do
    x = bit.band(x, x - 1)
    n = n + 1
  end
  return n
end
for i = 2, #KEYS do
  local members
  if redis.call('SCARD', KEYS[i]) <= sample then
    members = redis.call('SMEMBERS', KEYS[i])
  else
    members = redis.call('SRANDMEMBER', KEYS[i], sample)
  end
  for _, member in ipairs(members) do
    local mhi, mlo, murl = string.match(member, '^(-?%d+),(-?%d+),(.*)$')
    if murl ~= url and bits(bit.bxor(hi, tonumber(mhi))) + bits(bit.bxor(lo, tonumber(mlo))) <= max then
      return {'near', murl}
    end
  end
end
local member = ARGV[3] .. ',' .. ARGV[4] .. ',' .. url
for i = 2, #KEYS do
  redis.call('SADD', KEYS[i], member)
end
return {'new', ''}
