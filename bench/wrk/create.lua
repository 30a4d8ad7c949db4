-- POST /api/urls with a distinct destination per request. Anonymous (limited by address), or as the owner of an
-- issued key when API_KEY is set (keys are verified: a made-up one is answered 401).
local n = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local key = os.getenv("API_KEY")
if key and key ~= "" then
  wrk.headers["X-Api-Key"] = key
end
request = function()
  n = n + 1
  return wrk.format(nil, "/api/urls", nil, '{"url":"https://bench.example/' .. n .. '"}')
end
