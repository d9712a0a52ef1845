#!/usr/bin/env python3
"""checksum 1.0.0: digests bytes, and hands back a copy as a blob.

    python3 examples/checksum.py --listen 127.0.0.1:9001

The input `data` is a `bytes` port: small values arrive as base64 text,
values above 64 KiB as blob references read through the server's blob
endpoint; ctx.read_bytes() hides the difference. The output `copy` is
returned as bytes: the SDK sends it inline (base64) when small and writes
it as a new blob of the execution when it is larger than 64 KiB.
"""

import hashlib
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from hivemind_component import Component, Port, ValidationError, serve  # noqa: E402


class Checksum(Component):
    name = "checksum"
    version = "1.0.0"
    description = "SHA-256 and size of bytes, with a copy of them"
    inputs = [
        Port("data", "bytes", required=True, description="base64 text or a blob reference"),
        Port("algorithm", "string", default="sha256", description="digest to compute",
             schema={"enum": ["sha256", "sha1", "md5"]}),
    ]
    outputs = [
        Port("digest", "string", description="hex digest"),
        Port("size", "integer", description="size in bytes"),
        Port("copy", "bytes", description="the same bytes (a blob when large)"),
    ]

    def run(self, ctx, inputs):
        data = ctx.read_bytes(inputs["data"], "inputs.data")
        if not data:
            raise ValidationError("inputs.data: empty", field="inputs.data", reason="minLength")
        digest = hashlib.new(inputs["algorithm"])
        view = memoryview(data)
        for start in range(0, len(data), 1 << 20):  # check cancellation per MiB
            ctx.check_cancelled()
            digest.update(view[start:start + (1 << 20)])
        ctx.log(f"{inputs['algorithm']} of {len(data)} bytes")
        return {"digest": digest.hexdigest(), "size": len(data), "copy": data}


if __name__ == "__main__":
    sys.exit(serve(Checksum()))
