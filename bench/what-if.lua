-- wrk script for POST /v1/what-if: cycles through the generated scenarios, one JSON body per line of the
-- file named by the WHATIF_BODIES environment variable. Each thread starts at its own offset, so the
-- connections do not send the same scenario at the same time. The requests are formatted once, in init,
-- so that wrk spends as little CPU per request as it can on the machine it shares with the server.

local requests = {}
local next_request = 1
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  local path = os.getenv("WHATIF_BODIES")
  if path == nil then
    error("WHATIF_BODIES is not set")
  end
  for line in io.lines(path) do
    if #line > 0 then
      requests[#requests + 1] = wrk.format("POST", nil, headers, line)
    end
  end
  if #requests == 0 then
    error("no bodies in " .. path)
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  next_request = math.random(#requests)
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end
