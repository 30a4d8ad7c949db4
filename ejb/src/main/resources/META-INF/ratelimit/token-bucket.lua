-- Token bucket, one Redis hash per (policy, client). Keep in step with TokenBucketMath.java.
--
-- KEYS[1]  rl:<policy>:<client>, a hash {tokens = fractional token count as of ts, ts = ms of the Redis clock}
-- ARGV[1]  capacity (whole tokens, >= 1)
-- ARGV[2]  refill rate in tokens per second (> 0, may be fractional)
-- ARGV[3]  optional: take up to this many tokens at once (default 1; a server leasing tokens for local use)
-- Returns  {tokens taken (0 = denied; 0|1 unless ARGV[3] > 1), whole tokens remaining, ms until the next whole token (0 if one is left),
--           ms until the bucket is full again}
--
-- Time comes from Redis (TIME), not from the caller: every application server shares one clock, so servers whose
-- own clocks disagree still share one correct bucket. Calling TIME (non-deterministic) before a write is allowed
-- because scripts are replicated by their effects (HSET/PEXPIRE), the default since Redis 5 and the only mode
-- since Redis 7; Redis < 5 would need redis.replicate_commands() first.
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2]) / 1000 -- tokens per millisecond
local want = tonumber(ARGV[3] or '1')

local t = redis.call('TIME') -- {seconds, microseconds}
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  -- unknown or expired: a full bucket (the key expires only once it would be full again)
  tokens = capacity
  ts = now
end
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) * rate)
  ts = now
end
-- now < ts: the Redis clock stepped back (e.g. failover to a replica on another clock). No refill and ts stays
-- until the clock has caught up: a clock step never hands out extra tokens.

local taken = 0
if tokens >= 1 then
  taken = math.min(want, math.floor(tokens))
  tokens = tokens - taken
end

local function ms_until(target)
  if tokens >= target then
    return 0
  end
  return math.ceil((target - tokens) / rate)
end
local until_next = ms_until(1)
local until_full = ms_until(capacity)

redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'ts', string.format('%.0f', ts))
-- Expire once it would be full again: a missing key means exactly that, so idle clients cost no memory.
redis.call('PEXPIRE', KEYS[1], math.max(1, until_full))

-- Lua numbers become integer replies (truncated), so only whole numbers are returned.
return {taken, math.floor(tokens), until_next, until_full}
