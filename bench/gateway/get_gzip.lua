wrk.method = "GET"
wrk.headers["Accept-Encoding"] = "gzip"
