-- Posts the lines of a file (JANELA_WRK_BODIES), each once, to one path (JANELA_WRK_PATH, /webhooks/whatsapp by
-- default). A line is a header's value, a tab, and the JSON body: the header (JANELA_WRK_HEADER) is
-- X-Hub-Signature-256 by default, for the signed deliveries `WebhookLoad --write-bodies` writes; SendLoad writes sends
-- with their Authorization. wrk's threads take every JANELA_WRK_THREADS-th line, and a thread that has posted all of
-- its own stops.
local made = 0

function setup(thread)
  made = made + 1
  thread:set("number", made)
end

function init(args)
  local threads = tonumber(os.getenv("JANELA_WRK_THREADS"))
  local path = os.getenv("JANELA_WRK_PATH") or "/webhooks/whatsapp"
  local header = os.getenv("JANELA_WRK_HEADER") or "X-Hub-Signature-256"
  requests, line_number = {}, 0
  for line in io.lines(os.getenv("JANELA_WRK_BODIES")) do
    if line_number % threads == number - 1 then
      local tab = line:find("\t", 1, true)
      requests[#requests + 1] = wrk.format("POST", path,
        { ["Content-Type"] = "application/json", [header] = line:sub(1, tab - 1) }, line:sub(tab + 1))
    end
    line_number = line_number + 1
  end
  posted = 0
end

function request()
  if posted == #requests then
    wrk.thread:stop()
  else
    posted = posted + 1
  end
  return requests[posted]
end
