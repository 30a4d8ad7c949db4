-- GET /api/kv/bench-fill-<thread>-<n>, cycling over the first KEYS (env, default 10000) keys each thread of the
-- RUN=fill put run wrote.
local keys = tonumber(os.getenv("KEYS") or "10000")
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/kv/bench-fill-" .. id .. "-" .. ((i % keys) + 1))
end
