#!/usr/bin/env python3
"""/health latency while many Argon2 password checks are in flight.

Starts BIN (a hivemind-server) on a free loopback port with a fresh data
dir, raises the login rate limit, then sends LOGINS wrong-password logins
at once (each for a different unknown name, so each costs one Argon2 check
and none waits for another of the same name and address) and, meanwhile,
polls GET /api/v1/health every 20 ms on its own connection. Prints the
health latencies (median, p95, max) while the logins were in flight and how
long the logins took.

    tests/bench/auth-health-latency.py build/ci/bin/hivemind-server [LOGINS]

Used for docs/benchmarks.md ("Auth under load"); only the Python standard
library is needed.
"""

import os
import statistics
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hmbench import request, server  # noqa: E402


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary, logins = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100
    with server(binary) as (port, token):
        assert request(port, "PUT", "/api/v1/auth/settings",
                       {"auth.rate_limits": {"login_per_minute": 100000}}, token)[0] == 200

        done = threading.Event()
        latencies = []

        def poll_health():
            while not done.is_set():
                started = time.perf_counter()
                request(port, "GET", "/api/v1/health")
                latencies.append((time.perf_counter() - started) * 1000)
                time.sleep(0.02)

        statuses = []

        def wrong_login(i):
            statuses.append(request(port, "POST", "/api/v1/auth/login",
                                    {"username": f"nobody-{i}", "password": "Wrong!Passw0rd"})[0])

        workers = [threading.Thread(target=wrong_login, args=(i,)) for i in range(logins)]
        started = time.perf_counter()
        for w in workers:
            w.start()
        time.sleep(0.05)  # the logins are sent before the first poll
        poller = threading.Thread(target=poll_health)
        poller.start()
        for w in workers:
            w.join()
        elapsed = time.perf_counter() - started
        done.set()
        poller.join()

    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    print(f"{logins} wrong-password logins in {elapsed:.2f} s "
          f"(answers: {sorted(set(statuses))}); /health during them: {len(latencies)} polls, "
          f"median {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms, "
          f"max {latencies[-1]:.1f} ms")


if __name__ == "__main__":
    main()
