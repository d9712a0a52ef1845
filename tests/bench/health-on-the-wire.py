#!/usr/bin/env python3
"""GET /api/v1/health timed on the wire, beside a benchmark's own figure.

Runs COMMAND (a benchmark that probes /health over loopback, such as
BenchAgentFleet) while tcpdump records, on lo, only the packets that open
or close a connection and those whose payload starts with "GET " or
"HTTP" (agents' WebSocket frames match neither, so a 10,000-agent run
stays a few MB). Then, per /health connection, the kernel's timestamps
say where its time went:

  - SYN -> GET: the client connecting and writing its request;
  - GET -> the answer's first packet: the server (accepting, reading,
    answering), which is what the issue's "/health under 50 ms" is about.

    tests/bench/health-on-the-wire.py -- build/ci/bin/BenchAgentFleet --agents 10000 --seconds 300

Needs root (a capture) and tcpdump (installer/setup-bench-deps.sh).
Prints the command's own output, then p50 / p99 / max of both spans and
every connection whose total was at least 20 ms, with its time from the
first probe.
"""

import re
import signal
import subprocess
import sys
import tempfile
import time

FILTER = ("tcp and (tcp[tcpflags] & (tcp-syn|tcp-fin) != 0"
          " or tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x47455420"
          " or tcp[((tcp[12:1] & 0xf0) >> 2):4] = 0x48545450)")
HEADER = re.compile(r"^(\d+\.\d+) IP 127\.0\.0\.1\.(\d+) > 127\.0\.0\.1\.(\d+): "
                    r"Flags \[([^\]]+)\]")


def percentile(values, p):
    return values[min(len(values) - 1, int(p * (len(values) - 1) + 0.5))]


def report(pcap):
    text = subprocess.run(["tcpdump", "-r", pcap, "-n", "-tt", "-A"], capture_output=True,
                          text=True, errors="replace").stdout
    conns = {}
    current = None
    for line in text.split("\n"):
        m = HEADER.match(line)
        if m:
            at, src, dst, flags = float(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
            current = (at, src, dst)
            if "S" in flags and "." not in flags:  # the client's SYN
                conns[src] = {"syn": at}
            continue
        if current is None:
            continue
        at, src, dst = current
        if "GET /api/v1/health" in line and src in conns:
            conns[src]["get"] = at
            current = None
        elif "HTTP/1.1 " in line and dst in conns and "get" in conns[dst]:
            conns[dst].setdefault("answer", at)
            current = None
    rows = sorted((c["syn"], (c["get"] - c["syn"]) * 1000, (c["answer"] - c["get"]) * 1000)
                  for c in conns.values() if {"syn", "get", "answer"} <= c.keys())
    if not rows:
        print("no /health connection seen")
        return
    first = rows[0][0]
    client = sorted(r[1] for r in rows)
    server = sorted(r[2] for r in rows)
    print(f"\n/health on the wire: {len(rows)} connections")
    print("  server (GET -> answer): p50 %.1f ms, p99 %.1f ms, max %.1f ms"
          % (percentile(server, 0.5), percentile(server, 0.99), server[-1]))
    print("  client (SYN -> GET):    p50 %.1f ms, p99 %.1f ms, max %.1f ms"
          % (percentile(client, 0.5), percentile(client, 0.99), client[-1]))
    for syn, connect, answer in rows:
        if connect + answer >= 20:
            print("  at %.1f s: SYN -> GET %.1f ms, GET -> answer %.1f ms"
                  % (syn - first, connect, answer))


def main():
    if len(sys.argv) < 3 or sys.argv[1] != "--":
        print(__doc__)
        return 2
    with tempfile.NamedTemporaryFile(suffix=".pcap") as pcap:
        capture = subprocess.Popen(["tcpdump", "-i", "lo", "-n", "-Z", "root", "-s", "200", "-w", pcap.name,
                                    FILTER], stderr=subprocess.DEVNULL)
        time.sleep(1)  # listening before the command connects
        try:
            status = subprocess.call(sys.argv[2:])
        finally:
            capture.send_signal(signal.SIGINT)
            capture.wait()
        report(pcap.name)
    return status


if __name__ == "__main__":
    sys.exit(main())
