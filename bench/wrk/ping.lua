-- GET /api/ping, the application's no-op endpoint: the floor of what any request costs on the same server. Built
-- per request by a Lua function, as the redirect and KV scripts build theirs, so the load generator spends the same
-- CPU per request on both sides of a comparison (wrk without a script reuses one prebuilt request: cheaper, and on a
-- machine whose cores wrk shares with the server, that CPU goes to the server).
local path = "/api/ping"
request = function()
  return wrk.format("GET", path)
end
