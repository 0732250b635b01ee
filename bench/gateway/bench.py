#!/usr/bin/python3
"""Side-by-side benchmark: Pushmill's gateway against the upstream Pushgateway (Debian 1.5.1).

Each scenario starts a fresh process of each gateway on a free loopback port, alternating
upstream, pushmill, upstream, pushmill, ... for --runs rounds, and reports the median of the
rounds and the ratio pushmill/upstream. The load comes from wrk (Debian package `wrk`).

Usage: bench/gateway/bench.py [--runs 3] [--duration 10] [--only small,groups,latency,scrape,rss]
Prints a Markdown table at the end, ready for BENCHMARKS.md.
"""
import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JAR = os.path.join(ROOT, "pushmill-server", "target", "pushmill.jar")
UPSTREAM = shutil.which("prometheus-pushgateway") or "/usr/bin/prometheus-pushgateway"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Gateway:
    """One gateway process on a free port; a context manager that always stops it."""

    def __init__(self, kind, extra_flags=()):
        self.kind = kind
        self.port = free_port()
        flags = [
            f"--web.listen-address=127.0.0.1:{self.port}",
            "--web.enable-admin-api",
            "--web.enable-lifecycle",
            "--log.level=warn",
            *extra_flags,
        ]
        if not any(f.startswith("--persistence.file") for f in flags):
            flags.append("--persistence.file=")
        if kind == "upstream":
            self.cmd = [UPSTREAM, *flags]
        else:
            # The launcher users run, with its JVM options (PUSHMILL_JAVA_OPTS overrides them).
            self.cmd = [os.path.join(ROOT, "bin", "pushmill"), "gateway", *flags]
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                c.request("GET", "/-/ready")
                if c.getresponse().status == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.kind} did not become ready: {' '.join(self.cmd)}")

    def rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def quit(self):
        """Graceful stop through the lifecycle API (persists), then wait."""
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        c.request("PUT", "/-/quit")
        c.getresponse().read()
        self.proc.wait(timeout=60)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def __exit__(self, *exc):
        self.stop()


def wrk(url, script=None, threads=2, conns=8, duration=10, args=()):
    cmd = ["wrk", f"-t{threads}", f"-c{conns}", f"-d{duration}s", "--latency"]
    if script:
        cmd += ["-s", os.path.join(HERE, script)]
    cmd.append(url)
    if args:
        cmd += ["--", *args]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = {}
    for pct, val, unit in re.findall(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", out, re.M):
        lat[pct] = float(val) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if non2xx:
        raise RuntimeError(f"wrk saw {non2xx.group(1)} error responses from {url}:\n{out}")
    return {"rps": rps, "p50": lat.get("50"), "p90": lat.get("90"), "p99": lat.get("99")}


def put(gw, path, body, method="PUT", conn=None):
    c = conn or http.client.HTTPConnection("127.0.0.1", gw.port, timeout=120)
    c.request(method, path, body=body, headers={"Content-Type": "text/plain; version=0.0.4"})
    r = c.getresponse()
    r.read()
    if r.status >= 300:
        raise RuntimeError(f"{method} {path} -> {r.status}")
    return c


def parallel_pushes(gw, paths_bodies, threads=8):
    """Pushes (path, body) pairs over `threads` keep-alive connections."""
    items = list(paths_bodies)
    lock = threading.Lock()
    errors = []

    def work():
        c = http.client.HTTPConnection("127.0.0.1", gw.port, timeout=600)
        while True:
            with lock:
                if not items:
                    return
                path, body = items.pop()
            try:
                put(gw, path, body, conn=c)
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)
                return

    ts = [threading.Thread(target=work) for _ in range(threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if errors:
        raise errors[0]


BIG_BODY = "# TYPE bench_big gauge\n" + "".join(f'bench_big{{series="s{i}"}} {i}\n' for i in range(1000))
GROUP_BODY = "# TYPE fill_metric gauge\n" + "".join(f'fill_metric{{series="s{i}"}} {i}\n' for i in range(7)) + \
    "# TYPE bench_gauge gauge\nbench_gauge 1\n"


def populate_series(gw, groups):
    """groups x 1,000 series, as upstream's measurement did (populate.py)."""
    c = None
    for i in range(groups):
        c = put(gw, f"/metrics/job/scrape/instance/g{i}", BIG_BODY, conn=c)


def fill_10k_groups(kind, tmp):
    """Fills 10,000 groups of 8 pushed series (10 with push_*), about 100,000 series, into a
    persistence file. Filling runs without the consistency check so that upstream takes seconds,
    not many minutes; the measured gateway then loads the file with the check on."""
    path = os.path.join(tmp, f"{kind}-10k.data")
    with Gateway(kind, [f"--persistence.file={path}", "--persistence.interval=1h",
                        "--push.disable-consistency-check"]) as gw:
        parallel_pushes(gw, ((f"/metrics/job/job{k % 100}/instance/inst{(k // 100) % 100}", GROUP_BODY)
                             for k in range(10000)))
        time.sleep(1)  # unchecked pushes are applied asynchronously
        gw.quit()
    return path


def scenario_small(kind, dur, tmp):
    res = {}
    for c in (8, 64):
        with Gateway(kind) as gw:
            wrk(gw.url + "/metrics/job/bench/instance/i0", "push_small.lua", conns=c, duration=3)  # warm-up
            r = wrk(gw.url + "/metrics/job/bench/instance/i0", "push_small.lua", conns=c, duration=dur)
            res[f"small_c{c}_rps"] = r["rps"]
            res[f"small_c{c}_p99"] = r["p99"]
    return res


def scenario_groups(kind, dur, tmp):
    path = fill_10k_groups(kind, tmp)
    with Gateway(kind, [f"--persistence.file={path}", "--persistence.interval=1h"]) as gw:
        r = wrk(gw.url, "push_groups.lua", conns=8, duration=dur, args=("2",))
        return {"groups_rps": r["rps"], "groups_p99": r["p99"]}


def scenario_latency(kind, dur, tmp):
    res = {}
    for groups in (1, 100):
        with Gateway(kind) as gw:
            populate_series(gw, groups)
            wrk(gw.url + "/metrics/job/bench/instance/i0", "push_small.lua", threads=1, conns=1, duration=2)
            r = wrk(gw.url + "/metrics/job/bench/instance/i0", "push_small.lua", threads=1, conns=1, duration=dur)
            res[f"push_p50_{groups}k"] = r["p50"]
    return res


def scenario_scrape(kind, dur, tmp):
    with Gateway(kind) as gw:
        populate_series(gw, 100)
        wrk(gw.url + "/metrics", threads=1, conns=1, duration=2)
        r = wrk(gw.url + "/metrics", threads=1, conns=1, duration=dur)
        g = wrk(gw.url + "/metrics", "get_gzip.lua", threads=1, conns=1, duration=dur)
        return {"scrape_p50": r["p50"], "scrape_gzip_p50": g["p50"]}


def scenario_rss(kind, dur, tmp):
    with Gateway(kind) as gw:
        idle = gw.rss_mb()
        populate_series(gw, 100)
        filled = gw.rss_mb()
        for _ in range(20):
            c = http.client.HTTPConnection("127.0.0.1", gw.port, timeout=60)
            c.request("GET", "/metrics")
            c.getresponse().read()
        time.sleep(1)
        return {"rss_idle_mb": idle, "rss_100k_mb": filled, "rss_100k_scraped_mb": gw.rss_mb()}


SCENARIOS = {
    "small": scenario_small,
    "groups": scenario_groups,
    "latency": scenario_latency,
    "scrape": scenario_scrape,
    "rss": scenario_rss,
}

# (metric, description, target ratio text, higher_is_better)
ROWS = [
    ("small_c8_rps", "small push, one group, c=8 (pushes/s)", ">= 3x", True),
    ("small_c64_rps", "small push, one group, c=64 (pushes/s)", ">= 3x", True),
    ("small_c8_p99", "  p99 at c=8 (ms)", "", False),
    ("small_c64_p99", "  p99 at c=64 (ms)", "", False),
    ("groups_rps", "push with 10,000 groups / ~100k series stored, c=8 (pushes/s)", ">= 100x", True),
    ("groups_p99", "  p99 (ms)", "", False),
    ("push_p50_1k", "small push p50 at 1,000 stored series, c=1 (ms)", "", False),
    ("push_p50_100k", "small push p50 at 100,000 stored series, c=1 (ms)", "<= 2x own 1k", False),
    ("scrape_p50", "scrape of 100,000 series, p50 (ms)", "<= 0.5x", False),
    ("scrape_gzip_p50", "  with gzip, p50 (ms)", "", False),
    ("rss_idle_mb", "RSS idle (MB)", "", False),
    ("rss_100k_mb", "RSS with 100,000 series (MB)", "<= 1.5x", False),
    ("rss_100k_scraped_mb", "  after 20 scrapes (MB)", "", False),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--only", default=",".join(SCENARIOS))
    a = ap.parse_args()
    if not os.path.exists(JAR):
        subprocess.run([os.path.join(ROOT, "bin", "mvnw"), "-q", "-B", "-DskipTests", "-Djacoco.skip=true",
                        "package"], check=True)
    results = {"upstream": {}, "pushmill": {}}
    with tempfile.TemporaryDirectory() as tmp:
        for name in a.only.split(","):
            for run in range(a.runs):
                for kind in ("upstream", "pushmill"):
                    print(f"# {name} run {run + 1}/{a.runs}: {kind}", file=sys.stderr, flush=True)
                    for k, v in SCENARIOS[name](kind, a.duration, tmp).items():
                        results[kind].setdefault(k, []).append(v)
    print(f"\nMedians of {a.runs} runs, alternating upstream/pushmill; `bench/gateway/bench.py "
          f"--runs {a.runs} --duration {a.duration} --only {a.only}`\n")
    print("| what | upstream 1.5.1 | pushmill | pushmill / upstream | target |")
    print("|---|---:|---:|---:|---|")
    for key, desc, target, _ in ROWS:
        if key not in results["pushmill"]:
            continue
        u = statistics.median(results["upstream"][key])
        p = statistics.median(results["pushmill"][key])
        print(f"| {desc} | {u:,.2f} | {p:,.2f} | {p / u:.2f}x | {target} |")
    if "push_p50_1k" in results["pushmill"] and "push_p50_100k" in results["pushmill"]:
        own = statistics.median(results["pushmill"]["push_p50_100k"]) / statistics.median(
            results["pushmill"]["push_p50_1k"])
        print(f"\npushmill push p50 at 100k / at 1k stored series: {own:.2f}x (target <= 2x)")
    print("\nAll runs:", {k: {m: [round(x, 2) for x in v] for m, v in r.items()} for k, r in results.items()})


if __name__ == "__main__":
    main()
