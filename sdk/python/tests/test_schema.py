"""The SDK's JSON Schema subset: what it accepts, refuses and reports."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from hivemind_component import DeclarationError  # noqa: E402
from hivemind_component.schema import apply_defaults, check_schema, validate  # noqa: E402


def codes(value, schema):
    return [(p.path, p.keyword) for p in validate(value, schema, "v")]


class TypeTests(unittest.TestCase):
    def test_json_types(self):
        self.assertEqual(codes(3, {"type": "integer"}), [])
        self.assertEqual(codes(3.0, {"type": "integer"}), [])  # JSON has one number type
        self.assertEqual(codes(3.5, {"type": "integer"}), [("v", "type")])
        self.assertEqual(codes(True, {"type": "integer"}), [("v", "type")])  # booleans are not numbers
        self.assertEqual(codes(2, {"type": "number"}), [])
        self.assertEqual(codes(None, {"type": ["string", "null"]}), [])
        self.assertEqual(codes([], {"type": "object"}), [("v", "type")])

    def test_type_message_names_both(self):
        problem = validate("x", {"type": "integer"}, "inputs.n")[0]
        self.assertEqual(str(problem), "inputs.n: must be integer, not string")


class KeywordTests(unittest.TestCase):
    def test_numbers(self):
        s = {"minimum": 1, "maximum": 10, "exclusiveMaximum": 10}
        self.assertEqual(codes(0, s), [("v", "minimum")])
        self.assertEqual(codes(10, s), [("v", "exclusiveMaximum")])
        self.assertEqual(codes(11, s), [("v", "maximum"), ("v", "exclusiveMaximum")])
        self.assertEqual(codes(0.3, {"multipleOf": 0.1}), [])
        self.assertEqual(codes(7, {"multipleOf": 2}), [("v", "multipleOf")])

    def test_strings(self):
        s = {"minLength": 2, "maxLength": 3, "pattern": "^[a-z]+$"}
        self.assertEqual(codes("ab", s), [])
        self.assertEqual(codes("a", s), [("v", "minLength")])
        self.assertEqual(codes("abcd", s), [("v", "maxLength")])
        self.assertEqual(codes("A1", s), [("v", "pattern")])
        self.assertEqual(codes("節點", {"maxLength": 2}), [])  # characters, not bytes

    def test_enum_and_const(self):
        self.assertEqual(codes("b", {"enum": ["a", "b"]}), [])
        self.assertIn("must be one of 'a', 'b'", str(validate("c", {"enum": ["a", "b"]})[0]))
        self.assertEqual(codes(1, {"enum": [True]}), [("v", "enum")])  # 1 is not true
        self.assertEqual(codes({"a": 1}, {"const": {"a": 1.0}}), [])

    def test_nested_objects(self):
        s = {
            "type": "object",
            "required": ["name", "size"],
            "properties": {
                "name": {"type": "string"},
                "size": {"type": "object", "properties": {"w": {"type": "integer", "minimum": 1}},
                         "required": ["w"], "additionalProperties": False},
            },
        }
        self.assertEqual(codes({"name": "x", "size": {"w": 2}}, s), [])
        self.assertEqual(codes({"size": {"w": 0, "h": 1}}, s),
                         [("v.name", "required"), ("v.size.w", "minimum"), ("v.size.h", "additionalProperties")])
        self.assertEqual(codes({"name": "x", "size": {"w": 1}, "z": 1}, {**s, "additionalProperties": {"type": "string"}}),
                         [("v.z", "type")])
        self.assertEqual(codes({}, {"minProperties": 1}), [("v", "minProperties")])

    def test_arrays(self):
        s = {"type": "array", "items": {"type": "integer"}, "minItems": 1, "maxItems": 3, "uniqueItems": True}
        self.assertEqual(codes([1, 2], s), [])
        self.assertEqual(codes([], s), [("v", "minItems")])
        self.assertEqual(codes([1, 2, 3, 4], s), [("v", "maxItems")])
        self.assertEqual(codes([1, "2"], s), [("v[1]", "type")])
        self.assertEqual(codes([1, 1.0], s), [("v[1]", "uniqueItems")])

    def test_combinators(self):
        self.assertEqual(codes(5, {"anyOf": [{"type": "string"}, {"minimum": 3}]}), [])
        self.assertEqual(codes(1, {"anyOf": [{"type": "string"}, {"minimum": 3}]}), [("v", "anyOf")])
        self.assertEqual(codes(5, {"oneOf": [{"minimum": 1}, {"minimum": 3}]}), [("v", "oneOf")])
        self.assertEqual(codes(2, {"allOf": [{"minimum": 1}, {"maximum": 1}]}), [("v", "maximum")])
        self.assertEqual(codes("x", {"not": {"type": "string"}}), [("v", "not")])
        self.assertEqual(codes(1, False), [("v", "false")])
        self.assertEqual(codes(1, True), [])

    def test_defaults(self):
        s = {"properties": {"a": {"default": 1}, "b": {"default": 2}}}
        self.assertEqual(apply_defaults({"b": 5}, s), {"a": 1, "b": 5})


class CheckSchemaTests(unittest.TestCase):
    def test_unsupported_keywords_are_refused(self):
        for schema in ({"$ref": "#/x"}, {"patternProperties": {}}, {"items": [{}]},
                       {"type": "str"}, {"pattern": "("}, {"properties": {"a": {"if": {}}}},
                       {"anyOf": []}, "string"):
            with self.subTest(schema=schema), self.assertRaises(DeclarationError):
                check_schema(schema)

    def test_annotations_are_accepted(self):
        check_schema({"title": "t", "description": "d", "format": "uri", "default": 1,
                      "$schema": "http://json-schema.org/draft-07/schema#", "examples": [1]})


if __name__ == "__main__":
    unittest.main()
