-- PUT /api/kv/bench-<n> with a 100-byte value, n cycling over KEYS (env, default 10000) keys.
-- Blind writes (no context): each becomes a sibling of what is there, so keep KEYS large and runs short, or the
-- sibling sets grow; the bench measures the write path, not sibling resolution.
local keys = tonumber(os.getenv("KEYS") or "10000")
local value = string.rep("v", 100)
local i = 0
request = function()
  i = i + 1
  return wrk.format("PUT", "/api/kv/bench-" .. (i % keys), {["Content-Type"] = "text/plain"}, value)
end
