"""Declarations checked at start-up; config, inputs and outputs checked
against them."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from hivemind_component import Component, DeclarationError, Port, ValidationError, component  # noqa: E402


class Resize(Component):
    name = "image-resize"
    version = "1.2.0"
    inputs = [
        Port("image", "bytes", required=True),
        Port("width", "integer", default=800, schema={"minimum": 1, "maximum": 10000}),
        Port("mode", "string", schema={"enum": ["fit", "fill"]}),
    ]
    outputs = [Port("resized", "bytes"), Port("metadata", "object")]
    config_schema = {"type": "object", "properties": {"quality": {"type": "integer", "minimum": 1,
                                                                  "maximum": 100, "default": 85}}}


def declared(**attrs):
    return type("C", (Resize,), attrs)()


class DeclarationTests(unittest.TestCase):
    def test_interface_definition(self):
        c = Resize()
        c.check_declaration()
        d = c.interface()
        self.assertEqual((d["name"], d["version"]), ("image-resize", "1.2.0"))
        self.assertEqual(d["inputs"][0], {"name": "image", "type": "bytes", "required": True})
        self.assertEqual(d["inputs"][1]["default"], 800)
        self.assertEqual(d["inputs"][1]["schema"], {"minimum": 1, "maximum": 10000})
        self.assertNotIn("required", d["outputs"][0])
        self.assertEqual(d["configSchema"]["properties"]["quality"]["default"], 85)
        self.assertNotIn("outputHandles", d)

    def test_bad_declarations_are_refused(self):
        bad = {
            "version": dict(version="1.2"),
            "name": dict(name="has space"),
            "port type": dict(inputs=[Port("x", "float")]),
            "duplicate": dict(outputs=[Port("a"), Port("a")]),
            "default type": dict(inputs=[Port("n", "integer", default="3")]),
            "port schema": dict(inputs=[Port("n", "integer", schema={"$ref": "#"})]),
            "config schema": dict(config_schema={"type": "object", "dependencies": {}}),
            "handles": dict(output_handles=[]),
            "not a port": dict(inputs=[{"name": "x"}]),
        }
        for what, attrs in bad.items():
            with self.subTest(what), self.assertRaises(DeclarationError):
                declared(**attrs).check_declaration()

    def test_decorator(self):
        @component("greet", inputs=[Port("who", "string", required=True)], outputs=[Port("greeting", "string")])
        def greet(ctx, inputs):
            """Says hello."""
            return {"greeting": "hello " + inputs["who"]}

        greet.check_declaration()
        self.assertEqual(greet.interface()["description"], "Says hello.")
        self.assertEqual(greet.run(None, {"who": "hive"}), {"greeting": "hello hive"})


class InputTests(unittest.TestCase):
    def setUp(self):
        self.c = Resize()

    def test_defaults_and_passthrough(self):
        got = self.c.checked_inputs({"image": "aGk=", "extra": 1})
        self.assertEqual(got, {"image": "aGk=", "width": 800, "extra": 1})

    def test_bytes_port_takes_base64_or_blob(self):
        self.c.checked_inputs({"image": {"$ref": "blob:abc"}})
        with self.assertRaises(ValidationError) as e:
            self.c.checked_inputs({"image": {"$ref": "blob:abc", "x": 1}})
        self.assertEqual(e.exception.field, "inputs.image")

    def test_refusals_name_the_field(self):
        cases = {
            "required": ({}, "inputs.image: is required"),
            "type": ({"image": "x", "width": "wide"}, "inputs.width: must be integer, not string"),
            "minimum": ({"image": "x", "width": 0}, "inputs.width: must be >= 1 (got 0)"),
            "enum": ({"image": "x", "mode": "crop"}, "inputs.mode: must be one of 'fit', 'fill' (got 'crop')"),
        }
        for reason, (inputs, message) in cases.items():
            with self.subTest(reason), self.assertRaises(ValidationError) as e:
                self.c.checked_inputs(inputs)
            self.assertEqual(e.exception.message, message)
            self.assertEqual(e.exception.code, "VALIDATION_ERROR")
            self.assertFalse(e.exception.retryable)
            self.assertEqual(e.exception.details["code"], reason)

    def test_several_problems_are_counted(self):
        with self.assertRaises(ValidationError) as e:
            self.c.checked_inputs({"width": -1, "mode": 3})
        self.assertTrue(e.exception.message.endswith("(and 2 more)"), e.exception.message)
        self.assertEqual(len(e.exception.details["problems"]), 3)

    def test_inputs_must_be_an_object(self):
        with self.assertRaises(ValidationError):
            self.c.checked_inputs([1])


class ConfigAndOutputTests(unittest.TestCase):
    def setUp(self):
        self.c = Resize()

    def test_config(self):
        self.assertEqual(self.c.checked_config(None), {"quality": 85})
        with self.assertRaises(ValidationError) as e:
            self.c.checked_config({"quality": 101})
        self.assertEqual(e.exception.field, "config.quality")
        with self.assertRaises(ValidationError):
            self.c.checked_config("high")

    def test_outputs(self):
        self.assertEqual(self.c.output_problems({"resized": "aGk=", "metadata": {}}, None), [])
        self.assertEqual(self.c.output_problems({"resized": {"$ref": "blob:x"}}, "default"), [])
        self.assertEqual(self.c.output_problems({"metadata": 3, "other": 1}, "left"), [
            'output "metadata" must be object, not integer',
            'output "other" is not declared',
            'handle "left" is not one of default',
        ])
        branching = declared(output_handles=["yes", "no"])
        self.assertEqual(branching.output_problems({}, "no"), [])
        self.assertEqual(branching.output_problems({}, None),
                         ["no handle chosen: return Result(outputs, handle=...) with one of yes, no"])


class ContextTests(unittest.TestCase):
    def test_process_batch_checks_for_cancellation(self):
        from hivemind_component import Cancelled, Context

        ctx = Context({"execution_id": "e", "node_id": "n"}, {})
        self.assertEqual(ctx.process_batch(range(5), lambda x: x * 2, check_interval=2), [0, 2, 4, 6, 8])
        seen = []

        def work(item):
            seen.append(item)
            if item == 2:
                ctx.cancel("cancel request")

        with self.assertRaises(Cancelled) as e:
            ctx.process_batch(range(10), work, check_interval=3)
        self.assertEqual(seen, [0, 1, 2])  # stopped at the next check
        self.assertEqual(e.exception.reason, "cancel request")

    def test_deadline(self):
        from hivemind_component import Context, DeadlineExceeded

        now = [100.0]
        ctx = Context({"deadline_ms": 1500}, {}, now=lambda: now[0])
        self.assertEqual(ctx.remaining(), 1.5)
        ctx.check_cancelled()
        now[0] = 101.5
        self.assertTrue(ctx.cancelled)
        with self.assertRaises(DeadlineExceeded):
            ctx.check_cancelled()
        self.assertIsNone(Context({}, {}).remaining())


if __name__ == "__main__":
    unittest.main()
