-- wrk script for tools/bench/http.sh: each thread cycles through the request paths of the file
-- given after "--", one per line, starting at a different place.
local paths = {}
local i = 0

function init(args)
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
  i = math.random(#paths)
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
