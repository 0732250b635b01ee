-- Small pushes spread over the 10,000 groups job<k%100>/instance<k/100%100>; threads interleave.
local counter, nthreads, next_id = 0, 2, 0
function setup(thread) thread:set("tid", next_id); next_id = next_id + 1 end
function init(args) nthreads = tonumber(args[1]) or 2 end
local body = "# TYPE bench_gauge gauge\nbench_gauge 42\n"
local hdrs = {["Content-Type"] = "text/plain; version=0.0.4"}
function request()
  local k = (counter * nthreads + tid) % 10000
  counter = counter + 1
  return wrk.format("POST", "/metrics/job/job" .. (k % 100) .. "/instance/inst" .. (math.floor(k / 100) % 100), hdrs, body)
end
