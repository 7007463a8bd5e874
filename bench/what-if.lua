-- wrk script for POST /v1/what-if: cycles through the generated scenarios, one JSON body per line of the
-- file named by the WHATIF_BODIES environment variable. Each thread starts at its own offset, so the
-- connections do not send the same scenario at the same time.

local bodies = {}
local next_body = 1
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  local path = os.getenv("WHATIF_BODIES")
  if path == nil then
    error("WHATIF_BODIES is not set")
  end
  for line in io.lines(path) do
    if #line > 0 then
      bodies[#bodies + 1] = line
    end
  end
  if #bodies == 0 then
    error("no bodies in " .. path)
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  next_body = math.random(#bodies)
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format("POST", nil, headers, body)
end
