"""Pushes with Debian's prometheus_client, as the tutorial's Windmill script does.

Usage: /usr/bin/python3 pusher.py <gateway> <push|pushadd|delete> <job>
The grouping key has a value with '/', an empty value and a value with a space, so the client
uses its @base64 forms; a job with '/' (like WM_JOB_PATH) is sent as job@base64.
"""
import sys

from prometheus_client import (CollectorRegistry, Counter, Gauge, Histogram,
                               delete_from_gateway, push_to_gateway,
                               pushadd_to_gateway)

GROUPING = {"path": "/var/tmp", "empty": "", "note": "a b", "plain": "x"}


def main(gateway, action, job):
    registry = CollectorRegistry()
    if action == "push":
        number = Gauge("random_number", "A random number.", registry=registry)
        number.set(42.5)
        runs = Counter("py_runs", "Runs of the script.", ["kind"], registry=registry)
        runs.labels("batch").inc(3)
        push_to_gateway(gateway, job=job, registry=registry, grouping_key=GROUPING)
    elif action == "pushadd":
        duration = Histogram("py_duration_seconds", "Durations.", buckets=(0.1, 1.0),
                             registry=registry)
        for value in (0.05, 0.5, 5):
            duration.observe(value)
        pushadd_to_gateway(gateway, job=job, registry=registry, grouping_key=GROUPING)
    elif action == "delete":
        delete_from_gateway(gateway, job=job, grouping_key=GROUPING)
    else:
        raise SystemExit("unknown action " + action)
    print(action + " ok")


if __name__ == "__main__":
    main(*sys.argv[1:4])
