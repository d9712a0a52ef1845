#!/usr/bin/env python3
"""One client changed on a running WireGuard server of N clients, end to end.

Starts BIN (a hivemind-server) on a free loopback port with a fresh data
dir and the config-only WireGuard backend (it renders and writes the files
and runs no tool, so what is measured is the server's own work), imports a
server with N peers (a wg-quick file; random 32-byte keys, one in ten
with a preshared key: the import takes at most 1 MiB), starts it, then disables and enables one
client CHANGES times in turn, one request after the other, while another
connection polls GET /api/v1/health every 5 ms. Each change re-syncs the
running server. Prints, per N:
  - the change requests' latency (p50, p95, max): the server's work on its
    HTTP thread before it answers;
  - /health while the changes ran (p50, p95, max): what the changes cost
    everyone else on that thread.

    tests/bench/vpn/wg-change-latency.py build/ci/bin/hivemind-server [N ...]

With WG_BENCH_BACKEND=wireguard-go (root; wireguard-go and wireguard-tools
installed) the server applies to a real wireguard-go interface in a network
namespace the bench creates and removes, and each change is also timed to
its apply: after the answer, /metrics is read until the server's
hivemind_wireguard_change_applied_seconds histogram has counted it, and the
growth of its sum is that change's time from stored to applied on the
interface (the server's own clock). Printed as "applied p50, p95, max".

Default N: 10 1000 10000. Used for docs/benchmarks.md ("WireGuard: one
client changed among 10,000, end to end"); only the Python standard library
is needed.
"""

import base64
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from hmbench import request, server  # noqa: E402

CHANGES = int(os.environ.get("WG_BENCH_CHANGES", "40"))
BACKEND = os.environ.get("WG_BENCH_BACKEND", "config-only")


def applied_so_far(port):
    """(count, sum) of hivemind_wireguard_change_applied_seconds."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(b"GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    text = data.decode()
    count = re.search(r"^hivemind_wireguard_change_applied_seconds_count (\S+)$", text, re.M)
    total = re.search(r"^hivemind_wireguard_change_applied_seconds_sum (\S+)$", text, re.M)
    return int(float(count.group(1))), float(total.group(1))


def key():
    return base64.b64encode(os.urandom(32)).decode()


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(binary, peers):
    arguments = ["--wireguard-backend", BACKEND]
    netns = None
    if BACKEND != "config-only":
        netns = f"hm-wgbench-{os.getpid()}"
        subprocess.run(["ip", "netns", "add", netns], check=True)
        subprocess.run(["ip", "-n", netns, "link", "set", "lo", "up"], check=True)
        arguments += ["--wireguard-netns", netns]
    try:
        run_with(binary, peers, arguments)
    finally:
        if netns:
            subprocess.run(["ip", "netns", "del", netns], check=False)


def run_with(binary, peers, arguments):
    with server(binary, *arguments) as (port, token):
        lines = ["[Interface]", "Address = 10.64.0.1/18", "ListenPort = 51820",
                 f"PrivateKey = {key()}"]
        for i in range(peers):
            host = i + 2
            lines += ["[Peer]", f"PublicKey = {key()}",
                      f"AllowedIPs = 10.64.{host // 256}.{host % 256}/32"]
            if i % 10 == 0:
                lines.append(f"PresharedKey = {key()}")
        status, answer = request(port, "POST", "/api/v1/wireguard/servers/import",
                                 {"config": "\n".join(lines) + "\n", "name": "bench",
                                  "interface": "wg-bench"}, token)
        assert status == 201, answer
        server_id = answer["data"]["server"]["id"]
        client_id = answer["data"]["clients"][peers // 2]["id"]
        status, answer = request(port, "POST",
                                 f"/api/v1/wireguard/servers/{server_id}/start", {}, token)
        assert status == 200, answer
        # Past the first 5-s traffic sample after the start, which books
        # every peer appearing (a one-off of the start, not of a change).
        time.sleep(1 if BACKEND == "config-only" else 7)

        health, stop = [], threading.Event()

        def poll():
            while not stop.is_set():
                t0 = time.perf_counter()
                request(port, "GET", "/api/v1/health")
                health.append((time.perf_counter() - t0) * 1000)
                time.sleep(0.005)

        poller = threading.Thread(target=poll)
        poller.start()
        changes, applied = [], []
        timed = BACKEND != "config-only"
        for i in range(CHANGES):
            verb = "disable" if i % 2 == 0 else "enable"
            if timed:
                count0, sum0 = applied_so_far(port)
            t0 = time.perf_counter()
            status, answer = request(port, "POST",
                                     f"/api/v1/wireguard/clients/{client_id}/{verb}", {},
                                     token)
            changes.append((time.perf_counter() - t0) * 1000)
            assert status == 200, answer
            if timed:
                deadline = time.monotonic() + 60
                while True:
                    count, total = applied_so_far(port)
                    if count > count0:
                        assert count == count0 + 1, "an apply the bench did not ask for"
                        applied.append((total - sum0) * 1000)
                        break
                    assert time.monotonic() < deadline, "the change was never applied"
                    time.sleep(0.002)
        stop.set()
        poller.join()
        status, answer = request(port, "POST",
                                 f"/api/v1/wireguard/servers/{server_id}/stop", {}, token)
        assert status == 200, answer
        load = open("/proc/loadavg").read().split()[:3]
        print(f"{peers:>6} peers: change p50 {statistics.median(changes):.1f} ms, "
              f"p95 {pct(changes, 95):.1f}, max {max(changes):.1f}; /health while changing "
              f"p50 {statistics.median(health):.1f} ms, p95 {pct(health, 95):.1f}, "
              f"max {max(health):.1f} ({len(health)} polls); load {' '.join(load)}",
              flush=True)
        if applied:
            # Even changes disable (the peer goes: its counters are sampled
            # first), odd ones enable (a peer added: nothing to sample).
            for label, values in (("all", applied), ("disable", applied[0::2]),
                                  ("enable", applied[1::2])):
                print(f"{peers:>6} peers ({BACKEND}): applied, {label}: p50 "
                      f"{statistics.median(values):.1f} ms, p95 {pct(values, 95):.1f}, "
                      f"max {max(values):.1f}", flush=True)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sizes = [int(n) for n in sys.argv[2:]] or [10, 1000, 10000]
    for peers in sizes:
        run(sys.argv[1], peers)


if __name__ == "__main__":
    main()
