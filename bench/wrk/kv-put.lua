-- PUT /api/kv/bench-<RUN>-<thread>-<n> with a 100-byte value: every request a new key (a blind write to an
-- existing key would add a sibling each time and measure sibling growth instead of the write path).
local run = os.getenv("RUN") or "run"
local value = string.rep("v", 100)
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("PUT", "/api/kv/bench-" .. run .. "-" .. id .. "-" .. i, {["Content-Type"] = "text/plain"}, value)
end
