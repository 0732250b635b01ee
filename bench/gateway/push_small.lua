-- One small gauge pushed to the same group again and again (POST).
wrk.method = "POST"
wrk.body   = "# TYPE bench_gauge gauge\nbench_gauge 42\n"
wrk.headers["Content-Type"] = "text/plain; version=0.0.4"
