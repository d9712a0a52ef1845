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

import base64
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ADMIN, PASSWORD = "bench-admin", "Bench!Passw0rd1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, token=None, timeout=300):
    """One request on its own connection (Connection: close): (status, body)."""
    payload = json.dumps(body).encode() if body is not None else b""
    head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close",
            f"Content-Length: {len(payload)}", "Content-Type: application/json"]
    if token:
        head.append(f"Authorization: Bearer {token}")
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(("\r\n".join(head) + "\r\n\r\n").encode() + payload)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    body = data.split(b"\r\n\r\n", 1)[1]
    return status, json.loads(body) if body else None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary, logins = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 100
    port = free_port()
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, HIVEMIND_MASTER_KEY=base64.b64encode(os.urandom(32)).decode(),
                   HIVEMIND_ADMIN_USER=ADMIN, HIVEMIND_ADMIN_PASSWORD=PASSWORD)
        server = subprocess.Popen([binary, "--data-dir", data, "--listen", f"127.0.0.1:{port}",
                                   "--component-health-interval", "0"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(600):
                try:
                    if request(port, "GET", "/api/v1/health", timeout=1)[0] == 200:
                        break
                except OSError:
                    time.sleep(0.1)
            status, answer = request(port, "POST", "/api/v1/auth/login",
                                     {"username": ADMIN, "password": PASSWORD})
            assert status == 200, answer
            token = answer["data"]["access_token"]
            for path, body in (("/api/v1/auth/settings",
                                {"auth.rate_limits": {"login_per_minute": 100000}}),
                               ("/api/v1/system/config", {"anonymous_rate_limit": 1000000})):
                assert request(port, "PUT", path, body, token)[0] == 200

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
        finally:
            server.terminate()
            server.wait(30)

    latencies.sort()
    p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
    print(f"{logins} wrong-password logins in {elapsed:.2f} s "
          f"(answers: {sorted(set(statuses))}); /health during them: {len(latencies)} polls, "
          f"median {statistics.median(latencies):.1f} ms, p95 {p95:.1f} ms, "
          f"max {latencies[-1]:.1f} ms")


if __name__ == "__main__":
    main()
