"""The protocol over a real loopback socket: /execute, /cancel, /health,
/interface, /jobs, limits, error mapping, cancellation (request and hang-up),
deadlines and blobs (against a small blob endpoint with the server's rules).
"""

import base64
import http.client
import json
import logging
import os
import socket
import sys
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from hivemind_component import (  # noqa: E402
    Component, ComponentError, ComponentServer, Port, Result, RetryableError, component,
)


class Slow(Component):
    name = "slow"
    inputs = [Port("ms", "integer", default=60000)]
    outputs = [Port("slept_ms", "integer")]
    started = threading.Event()

    def run(self, ctx, inputs):
        Slow.started.set()
        ctx.sleep(inputs["ms"] / 1000.0)
        return {"slept_ms": inputs["ms"]}


class Swallower(Component):
    """Catches Exception around its work: cancellation must still get out."""
    name = "swallower"
    outputs = [Port("caught", "boolean")]

    def run(self, ctx, inputs):
        try:
            ctx.sleep(60)
        except Exception:
            return {"caught": True}
        return {"caught": False}


@component("boom", inputs=[Port("kind", "string", required=True)])
def boom(ctx, inputs):
    kind = inputs["kind"]
    if kind == "component":
        raise ComponentError("the record is locked", code="CONFLICT")
    if kind == "retryable":
        raise RetryableError("database briefly down")
    if kind == "network":
        raise ConnectionRefusedError("upstream refused")
    raise KeyError("missing")


@component("shape", inputs=[Port("kind", "string")], outputs=[Port("n", "integer"), Port("b", "bytes"), Port("t", "string")],
           output_handles=["default", "left"])
def shape(ctx, inputs):
    kind = inputs.get("kind")
    if kind == "handle":
        ctx.log("went left")
        return Result({"n": 1}, handle="left", logs=["done"])
    if kind == "bad-handle":
        return Result({"n": 1}, handle="up")
    if kind == "undeclared":
        return {"m": 1}
    if kind == "list":
        return [1]
    if kind == "bytes":
        return {"b": b"\x00\x01hi"}
    if kind == "big-text":
        return {"n": 1, "t": "x" * (2 * 1024 * 1024)}  # above the 1 MiB JSON offload size
    if kind == "big-bytes":
        return {"b": bytes(range(256)) * 400}  # 100 KiB: above the inline limit
    return {"n": "one"}


@component("blob-copy", inputs=[Port("data", "bytes", required=True)],
           outputs=[Port("size", "integer"), Port("copy", "bytes"), Port("doc", "any")])
def blob_copy(ctx, inputs):
    data = ctx.read_bytes(inputs["data"], "inputs.data")
    return {"size": len(data), "copy": data, "doc": ctx.write_json_blob({"size": len(data)})}


class BlobEndpoint(ThreadingHTTPServer):
    """The server's blob endpoint rules, in small: token, 201, 409, 404."""
    daemon_threads = True

    def __init__(self):
        self.blobs = {}
        self.token = "t0ken"
        self.puts = 0
        super().__init__(("127.0.0.1", 0), BlobHandler)

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.server_address[1]}/api/v1/blobs/exec-1"


class BlobHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body, content_type="application/json"):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def blob_id(self):
        return self.path.rsplit("/", 1)[1]

    def do_GET(self):
        if self.blob_id() == "moved":
            self.send_response(302)
            self.send_header("Location", "http://127.0.0.1:9/elsewhere")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.headers.get("X-Execution-Token") != self.server.token:
            return self.answer(403, {"error": {"code": "FORBIDDEN", "message": "no"}})
        blob = self.server.blobs.get(self.blob_id())
        if blob is None:
            return self.answer(404, {"error": {"code": "RESOURCE_NOT_FOUND", "message": "no such blob"}})
        self.answer(200, blob[0], blob[1])

    def do_PUT(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.puts += 1
        if self.headers.get("X-Execution-Token") != self.server.token:
            return self.answer(403, {"error": {"code": "FORBIDDEN", "message": "no"}})
        if self.blob_id() in self.server.blobs:
            return self.answer(409, {"error": {"code": "RESOURCE_ALREADY_EXISTS", "message": "exists"}})
        self.server.blobs[self.blob_id()] = (body, self.headers["Content-Type"])
        self.answer(201, {"success": True, "data": {"ref": "blob:" + self.blob_id(), "size": len(body)}})


class ServerTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # The "bug" case logs its traceback on purpose; keep the output clean.
        logging.getLogger("hivemind_component").setLevel(logging.CRITICAL)
        cls.server = ComponentServer([Slow(), Swallower(), boom, shape, blob_copy],
                                     max_request_bytes=4096, max_concurrent=3).start()
        cls.port = cls.server.server_address[1]
        cls.blobs = BlobEndpoint()
        threading.Thread(target=cls.blobs.serve_forever, daemon=True).start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.blobs.shutdown()
        cls.blobs.server_close()

    def call(self, method, path, body=None, raw=None, timeout=30):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        connection.request(method, path, body=data, headers={"Content-Type": "application/json"})
        reply = connection.getresponse()
        text = reply.read()
        connection.close()
        return reply.status, json.loads(text) if text else None

    def execute(self, component, inputs=None, node="n1", execution="exec-1", blob=False, **extra):
        body = {"execution_id": execution, "node_id": node, "component": component, "version": "1.0.0",
                "config": {}, "inputs": inputs or {}, "attempt": 1, **extra}
        if blob:
            body["blob"] = {"base_url": self.blobs.base_url, "token": self.blobs.token}
        return self.call("POST", "/execute", body)

    def wait_for(self, predicate, seconds=10):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if predicate():
                return True
            time.sleep(0.02)
        return predicate()

    def recent(self, node):
        return [j for j in self.call("GET", "/jobs")[1]["recent"] if j["node_id"] == node]

    # -- discovery -----------------------------------------------------

    def test_health_and_interface(self):
        status, health = self.call("GET", "/health")
        self.assertEqual(status, 200)
        self.assertEqual(health["status"], "healthy")
        self.assertIn({"name": "boom", "version": "1.0.0"}, health["components"])
        status, defs = self.call("GET", "/interface")
        self.assertEqual(status, 200)
        self.assertEqual(sorted(d["name"] for d in defs), ["blob-copy", "boom", "shape", "slow", "swallower"])
        self.assertEqual(next(d for d in defs if d["name"] == "shape")["outputHandles"], ["default", "left"])

    def test_unhealthy_component_is_reported(self):
        class Sick(Component):
            name = "sick"

            def health(self):
                return ("degraded", "cache cold")

        server = ComponentServer([Sick()]).start()
        try:
            connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
            connection.request("GET", "/health")
            health = json.loads(connection.getresponse().read())
            self.assertEqual((health["status"], health["message"]), ("degraded", "cache cold"))
        finally:
            server.stop()

    # -- refusals ------------------------------------------------------

    def test_request_refusals(self):
        status, body = self.call("POST", "/execute", raw=b"{nope")
        self.assertEqual((status, body["error"]["code"]), (400, "VALIDATION_ERROR"))
        status, body = self.call("POST", "/execute", raw=b"[1]")
        self.assertEqual((status, body["error"]["code"]), (400, "VALIDATION_ERROR"))
        status, body = self.call("POST", "/execute", raw=b"{" + b" " * 5000 + b"}")
        self.assertEqual((status, body["error"]["code"]), (413, "PAYLOAD_TOO_LARGE"))
        self.assertIn("4096", body["error"]["message"])
        status, body = self.call("GET", "/nowhere")
        self.assertEqual((status, body["error"]["code"]), (404, "RESOURCE_NOT_FOUND"))
        # An unknown route answers once, whatever its body, and the
        # connection goes on serving.
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        for method, path in (("POST", "/nowhere"), ("PUT", "/execute"), ("GET", "/health")):
            connection.request(method, path, body=b"{not json")
            reply = connection.getresponse()
            reply.read()
            self.assertEqual(reply.status, 200 if path == "/health" else 404)
        connection.close()
        status, body = self.execute("nobody")
        self.assertEqual((status, body["error"]["code"]), (404, "COMPONENT_NOT_FOUND"))
        self.assertIn("served: blob-copy 1.0.0", body["error"]["message"])
        status, body = self.call("POST", "/execute", {"component": "boom", "version": "9.0.0"})
        self.assertEqual(status, 404)

    def test_invalid_inputs_are_validation_errors(self):
        status, body = self.execute("boom", {"kind": 3})
        self.assertEqual(status, 200)
        self.assertEqual(body["status"], "error")
        self.assertEqual(body["error"]["code"], "VALIDATION_ERROR")
        self.assertEqual(body["error"]["message"], "inputs.kind: must be string, not integer")
        self.assertFalse(body["retryable"])

    # -- outcomes ------------------------------------------------------

    def test_errors_map_to_protocol_errors(self):
        cases = {
            "component": ("CONFLICT", False, "the record is locked"),
            "retryable": ("SERVICE_UNAVAILABLE", True, "database briefly down"),
            "network": ("NETWORK_ERROR", True, "boom: ConnectionRefusedError: upstream refused"),
            "bug": ("INTERNAL_ERROR", False, "boom: KeyError: 'missing'"),
        }
        for kind, (code, retryable, message) in cases.items():
            with self.subTest(kind):
                status, body = self.execute("boom", {"kind": kind}, node=kind)
                self.assertEqual(status, 200)
                self.assertEqual(body["status"], "error")
                self.assertEqual(body["error"], {"code": code, "message": message})
                self.assertIs(body["retryable"], retryable)

    def test_outputs_handles_and_logs(self):
        status, body = self.execute("shape", {"kind": "handle"})
        self.assertEqual(body, {"status": "ok", "outputs": {"n": 1}, "handle": "left", "logs": ["went left", "done"]})
        _, body = self.execute("shape", {"kind": "bytes"})
        self.assertEqual(body["outputs"]["b"], base64.b64encode(b"\x00\x01hi").decode())
        for kind, fragment in (("bad-handle", 'handle "up"'), ("undeclared", 'output "m" is not declared'),
                               ("list", "returned list"), ("wrong", 'output "n" must be integer')):
            with self.subTest(kind):
                _, body = self.execute("shape", {"kind": kind})
                self.assertEqual(body["error"]["code"], "INTERNAL_ERROR")
                self.assertIn(fragment, body["error"]["message"])

    # -- cancellation and deadlines ------------------------------------

    def test_cancel_request_stops_the_run(self):
        Slow.started.clear()
        answer = {}
        thread = threading.Thread(target=lambda: answer.update(r=self.execute("slow", node="c1", execution="e-c")))
        thread.start()
        self.assertTrue(Slow.started.wait(10))
        self.assertTrue(self.wait_for(lambda: any(j["node_id"] == "c1" for j in self.call("GET", "/jobs")[1]["running"])))
        # Another attempt's cancel does not touch it; this one's does.
        self.assertEqual(self.call("POST", "/cancel", {"execution_id": "e-c", "node_id": "c1", "attempt": 2})[1]["found"], False)
        status, body = self.call("POST", "/cancel", {"execution_id": "e-c", "node_id": "c1", "attempt": 1})
        self.assertEqual((status, body), (200, {"status": "ok", "found": True}))
        thread.join(10)
        self.assertFalse(thread.is_alive())
        status, body = answer["r"]
        self.assertEqual(body["error"]["code"], "EXECUTION_CANCELLED")
        self.assertIn("cancel request", body["error"]["message"])
        job = self.recent("c1")[-1]
        self.assertEqual((job["outcome"], job["cancel_reason"]), ("cancelled", "cancel request"))
        self.assertLess(job["duration_ms"], 30000)

    def test_hang_up_cancels(self):
        Slow.started.clear()
        body = json.dumps({"execution_id": "e-h", "node_id": "h1", "component": "slow", "version": "1.0.0",
                           "inputs": {}}).encode()
        sock = socket.create_connection(("127.0.0.1", self.port))
        sock.sendall(b"POST /execute HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        self.assertTrue(Slow.started.wait(10))
        sock.close()
        self.assertTrue(self.wait_for(lambda: self.recent("h1")))
        self.assertEqual(self.recent("h1")[-1]["cancel_reason"], "connection closed")

    def test_cancellation_is_not_swallowed_by_except_exception(self):
        answer = {}
        thread = threading.Thread(target=lambda: answer.update(r=self.execute("swallower", node="s1", execution="e-s")))
        thread.start()
        self.assertTrue(self.wait_for(lambda: any(j["node_id"] == "s1" for j in self.call("GET", "/jobs")[1]["running"])))
        self.call("POST", "/cancel", {"execution_id": "e-s", "node_id": "s1"})
        thread.join(10)
        self.assertEqual(answer["r"][1]["error"]["code"], "EXECUTION_CANCELLED")

    def test_deadline(self):
        status, body = self.execute("slow", {"ms": 60000}, node="d1", deadline_ms=300)
        self.assertEqual(body["error"]["code"], "EXECUTION_TIMEOUT")
        self.assertTrue(body["retryable"])
        self.assertEqual(self.recent("d1")[-1]["outcome"], "timeout")

    def test_retry_supersedes_the_running_attempt(self):
        Slow.started.clear()
        first = {}
        thread = threading.Thread(target=lambda: first.update(r=self.execute("slow", node="r1", execution="e-r")))
        thread.start()
        self.assertTrue(Slow.started.wait(10))
        status, body = self.execute("slow", {"ms": 10}, node="r1", execution="e-r", attempt=2)
        self.assertEqual(body, {"status": "ok", "outputs": {"slept_ms": 10}})
        thread.join(10)
        self.assertIn("superseded", first["r"][1]["error"]["message"])

    def test_concurrency_limit_answers_429(self):
        Slow.started.clear()
        threads = [threading.Thread(target=self.execute, args=("slow",), kwargs={"node": f"p{i}", "execution": "e-p"})
                   for i in range(3)]
        for t in threads:
            t.start()
        self.assertTrue(self.wait_for(lambda: len(self.call("GET", "/jobs")[1]["running"]) == 3))
        status, body = self.execute("slow", node="p3", execution="e-p")
        self.assertEqual((status, body["error"]["code"], body["retryable"]), (429, "RATE_LIMIT_EXCEEDED", True))
        for i in range(3):
            self.call("POST", "/cancel", {"execution_id": "e-p", "node_id": f"p{i}"})
        for t in threads:
            t.join(10)

    # -- blobs ---------------------------------------------------------

    def test_blob_in_and_out(self):
        payload = os.urandom(100 * 1024)
        self.blobs.blobs["in-1"] = (payload, "application/octet-stream")
        status, body = self.execute("blob-copy", {"data": {"$ref": "blob:in-1"}}, node="b1", blob=True)
        self.assertEqual(body["status"], "ok", body)
        out = body["outputs"]
        self.assertEqual(out["size"], len(payload))
        copy_id = out["copy"]["$ref"][len("blob:"):]
        self.assertEqual(self.blobs.blobs[copy_id], (payload, "application/octet-stream"))
        doc_id = out["doc"]["$ref"][len("blob:"):]
        self.assertEqual(json.loads(self.blobs.blobs[doc_id][0]), {"size": len(payload)})
        self.assertEqual(self.blobs.blobs[doc_id][1], "application/json")

    def test_small_bytes_stay_inline(self):
        status, body = self.execute("blob-copy", {"data": base64.b64encode(b"abc").decode()}, node="b2", blob=True)
        self.assertEqual(body["outputs"]["copy"], base64.b64encode(b"abc").decode())
        self.assertEqual(body["outputs"]["size"], 3)

    def test_engine_stored_json_blob_reads_as_bytes(self):
        # A large base64 value the engine stored itself comes back as JSON text.
        self.blobs.blobs["in-json"] = (json.dumps(base64.b64encode(b"xyz").decode()).encode(), "application/json")
        _, body = self.execute("blob-copy", {"data": {"$ref": "blob:in-json"}}, node="b3", blob=True)
        self.assertEqual(body["outputs"]["size"], 3)

    def test_blob_failures(self):
        _, body = self.execute("blob-copy", {"data": {"$ref": "blob:never"}}, node="b4", blob=True)
        self.assertEqual(body["error"]["code"], "VALIDATION_ERROR")
        self.assertIn("not found", body["error"]["message"])
        _, body = self.execute("blob-copy", {"data": {"$ref": "blob:never"}}, node="b5")
        self.assertEqual(body["error"]["code"], "SERVICE_UNAVAILABLE")
        self.assertIn("no blob access", body["error"]["message"])
        _, body = self.execute("blob-copy", {"data": "not base64!"}, node="b6", blob=True)
        self.assertEqual(body["error"]["message"], "inputs.data: not valid base64")
        # A redirect is not followed (the token would go with it).
        _, body = self.execute("blob-copy", {"data": {"$ref": "blob:moved"}}, node="b9", blob=True)
        self.assertEqual(body["error"]["code"], "INTERNAL_ERROR")
        self.assertIn("HTTP 302", body["error"]["message"])
        # A wrong token never appears in what comes back.
        request = {"execution_id": "exec-1", "node_id": "b7", "component": "blob-copy", "version": "1.0.0",
                   "inputs": {"data": {"$ref": "blob:in-1"}},
                   "blob": {"base_url": self.blobs.base_url, "token": "S3cret-wrong"}}
        self.blobs.blobs.setdefault("in-1", (b"x", "application/octet-stream"))
        _, body = self.call("POST", "/execute", request)
        self.assertEqual(body["status"], "error")
        self.assertNotIn("S3cret-wrong", json.dumps(body))

    def test_large_json_output_goes_as_a_json_blob(self):
        _, body = self.execute("shape", {"kind": "big-text"}, node="b8", blob=True)
        self.assertEqual(body["status"], "ok", str(body)[:300])
        self.assertEqual(body["outputs"]["n"], 1)
        blob_id = body["outputs"]["t"]["$ref"][len("blob:"):]
        self.assertEqual(self.blobs.blobs[blob_id][1], "application/json")
        self.assertEqual(json.loads(self.blobs.blobs[blob_id][0]), "x" * (2 * 1024 * 1024))

    def test_big_bytes_without_blob_access_go_inline(self):
        _, body = self.execute("shape", {"kind": "big-bytes"})
        self.assertEqual(len(base64.b64decode(body["outputs"]["b"])), 256 * 400)


if __name__ == "__main__":
    unittest.main()
