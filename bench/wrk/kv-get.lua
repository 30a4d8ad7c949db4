-- GET /api/kv/bench-<n>, n cycling over KEYS (env, default 10000) keys written by kv-put.lua.
local keys = tonumber(os.getenv("KEYS") or "10000")
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/kv/bench-" .. (i % keys))
end
