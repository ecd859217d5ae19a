-- wrk script for make bench. BENCH_POST_URL set: POST /word-count with {"url": BENCH_POST_URL};
-- unset: the command line's URL as a GET. Counts answers by status code and ends with one line
--   BENCH requests=N seconds=S rps=R p50_ms=A p99_ms=B non_2xx=E statuses=202:N,... socket_errors=C/R/W/T
-- that bench/run reads (wrk's own summary is printed above it).
local post_url = os.getenv("BENCH_POST_URL")
if post_url and post_url ~= "" then
  wrk.method = "POST"
  wrk.body = '{"url": "' .. post_url .. '"}'
  wrk.headers["Content-Type"] = "application/json"
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals, non_2xx = {}, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
      if status < 200 or status > 299 then non_2xx = non_2xx + count end
    end
  end
  local listed = {}
  for status, count in pairs(totals) do table.insert(listed, status .. ":" .. count) end
  table.sort(listed)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f non_2xx=%d statuses=%s socket_errors=%d/%d/%d/%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, non_2xx, table.concat(listed, ","),
    errors.connect, errors.read, errors.write, errors.timeout))
end
