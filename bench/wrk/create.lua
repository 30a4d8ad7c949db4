-- POST /api/urls with a distinct destination per request (one API key per wrk thread's connection set).
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "bench-" .. tostring(math.random(1, 1000000000))
request = function()
  n = n + 1
  return wrk.format(nil, "/api/urls", nil, '{"url":"https://bench.example/' .. n .. '"}')
end
