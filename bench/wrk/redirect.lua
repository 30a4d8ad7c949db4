-- Cycles GET /{code} over the codes listed (one per line) in the file named by CODES_FILE.
local codes = {}
for line in io.lines(os.getenv("CODES_FILE")) do codes[#codes + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/" .. codes[(i % #codes) + 1])
end
