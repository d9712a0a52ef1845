"""An example served as its own process: the "listening on" line, the
protocol version check, and stopping on SIGTERM (drain, then cancel)."""

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
WORD_COUNT = os.path.join(HERE, "..", "examples", "word_count.py")


class ProcessTests(unittest.TestCase):
    def start(self, *extra):
        process = subprocess.Popen(
            [sys.executable, WORD_COUNT, "--listen", "127.0.0.1:0", "--exit-with-parent", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.addCleanup(lambda: (process.poll() is None and process.kill(), process.wait(10),
                                 process.stdout.close(), process.stderr.close()))
        line = process.stdout.readline()
        match = re.match(r"listening on http://127\.0\.0\.1:(\d+)", line)
        self.assertIsNotNone(match, line)
        return process, int(match.group(1))

    def execute(self, port, config, protocol="1", node="n"):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        body = {"execution_id": "e", "node_id": node, "component": "word-count", "version": "1.0.0",
                "inputs": {"text": "one two"}, "config": config}
        connection.request("POST", "/execute", json.dumps(body),
                           {"Content-Type": "application/json", "X-HiveMind-Protocol": protocol})
        reply = connection.getresponse()
        result = reply.status, json.loads(reply.read())
        connection.close()
        return result

    def running(self, port):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/jobs")
        jobs = json.loads(connection.getresponse().read())
        connection.close()
        return len(jobs["running"])

    def run_in_thread(self, port, config, node):
        answer = {}
        thread = threading.Thread(target=lambda: answer.update(r=self.execute(port, config, node=node)))
        thread.start()
        end = time.monotonic() + 10
        while self.running(port) == 0 and time.monotonic() < end:
            time.sleep(0.02)
        self.assertEqual(self.running(port), 1)
        return thread, answer

    def test_protocol_version(self):
        _, port = self.start()
        self.assertEqual(self.execute(port, {})[1]["outputs"]["words"], 2)
        status, body = self.execute(port, {}, protocol="2")
        self.assertEqual(status, 400)
        self.assertEqual(body["error"]["code"], "VALIDATION_ERROR")
        self.assertIn("protocol '2' is not supported", body["error"]["message"])

    def test_sigterm_lets_running_work_finish(self):
        process, port = self.start("--drain-seconds", "20")
        thread, answer = self.run_in_thread(port, {"pace_ms": 300}, "drained")
        process.send_signal(signal.SIGTERM)
        thread.join(20)
        self.assertEqual(answer["r"][1]["status"], "ok", answer)
        self.assertEqual(process.wait(20), 0)

    def test_sigterm_cancels_what_outlasts_the_drain(self):
        process, port = self.start("--drain-seconds", "0.2")
        thread, answer = self.run_in_thread(port, {"pace_ms": 60000}, "cut")
        process.send_signal(signal.SIGTERM)
        thread.join(20)
        self.assertEqual(answer["r"][1]["error"]["code"], "EXECUTION_CANCELLED")
        self.assertIn("server stopping", answer["r"][1]["error"]["message"])
        self.assertEqual(process.wait(20), 0)
        self.assertIn("they were cancelled", process.stderr.read())

    def test_bad_declaration_stops_at_start(self):
        script = ("import sys; sys.path.insert(0, %r)\n"
                  "from hivemind_component import Component, serve\n"
                  "class Bad(Component):\n    name = 'bad'\n    version = 'one'\n"
                  "sys.exit(serve(Bad(), argv=['--listen', '127.0.0.1:0']))\n") % os.path.join(HERE, "..")
        result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 2)
        self.assertIn("version 'one' is not a semantic version", result.stderr)


if __name__ == "__main__":
    unittest.main()
