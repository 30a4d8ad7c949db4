-- METHOD (GET or PUT, env) /api/kv/<key> for the keys in KEYS_FILE (env, one a line): keys the loaded node does not
-- own (KeysOwnedElsewhere), so on an N=1 cluster every request crosses exactly one peer hop. Thread t takes lines
-- t, t+2, t+4, … (kv-load.sh runs at most two threads). Gets cycle over their lines; a put writes a 100-byte value
-- to each of its keys once — a second put to a key would be a blind write, a sibling, not the write path — so the
-- file must hold more keys than the run puts, and done() says so if it did not.
local method = os.getenv("METHOD") or "GET"
local keys = {}
for line in io.lines(os.getenv("KEYS_FILE")) do
  keys[#keys + 1] = line
end
local value = method == "PUT" and string.rep("v", 100) or nil
local headers = method == "PUT" and {["Content-Type"] = "text/plain"} or nil
local counter = 1
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
local next = nil
request = function()
  next = next or id
  local key = keys[next]
  next = next + 2
  if next > #keys then
    next = id
  end
  return wrk.format(method, "/api/kv/" .. key, headers, value)
end
function done(summary, latency, requests)
  if method == "PUT" and summary.requests > #keys then
    io.stderr:write("kv-remote.lua: " .. summary.requests .. " puts but only " .. #keys .. " keys: some were rewritten\n")
  end
end
