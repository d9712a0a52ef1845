"""A small JSON Schema (draft 7) validator for the subset components use.

Supported: type (one or a list), enum, const, minimum, maximum,
exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength,
pattern, properties, required, additionalProperties (boolean or schema),
items (one schema), minItems, maxItems, uniqueItems, minProperties,
maxProperties, allOf, anyOf, oneOf, not. Annotations (title, description,
default, examples, format, $schema, $id, $comment, readOnly, writeOnly) are
accepted and ignored.

Anything else (say $ref or patternProperties) is refused when the component
is declared (check_schema), so an author never believes a rule is enforced
when it is not. The server compiles the same schemas with a full validator
at registration; this one only has to agree on the subset.
"""

import re

from .errors import DeclarationError

_VALIDATING = {
    "type", "enum", "const", "minimum", "maximum", "exclusiveMinimum",
    "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern",
    "properties", "required", "additionalProperties", "items", "minItems",
    "maxItems", "uniqueItems", "minProperties", "maxProperties", "allOf",
    "anyOf", "oneOf", "not",
}
_ANNOTATIONS = {
    "title", "description", "default", "examples", "format", "$schema", "$id",
    "$comment", "readOnly", "writeOnly",
}
_TYPES = {"string", "integer", "number", "boolean", "object", "array", "null"}


def json_type(value):
    """The JSON type name of a decoded value (integral floats are integers,
    as JSON has one number type)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "integer" if value.is_integer() else "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def type_matches(value, type_name):
    actual = json_type(value)
    if type_name == "number":
        return actual in ("integer", "number")
    return actual == type_name


def check_schema(schema, where="schema"):
    """Raises DeclarationError when `schema` is not one this module can
    enforce completely."""
    if isinstance(schema, bool):
        return
    if not isinstance(schema, dict):
        raise DeclarationError(f"{where}: a schema must be an object")
    for key, value in schema.items():
        if key in _ANNOTATIONS:
            continue
        if key not in _VALIDATING:
            raise DeclarationError(f"{where}: keyword \"{key}\" is not supported by the SDK's validator")
        if key == "type":
            names = value if isinstance(value, list) else [value]
            for name in names:
                if name not in _TYPES:
                    raise DeclarationError(f"{where}: unknown type \"{name}\"")
        elif key == "properties":
            if not isinstance(value, dict):
                raise DeclarationError(f"{where}: properties must be an object")
            for name, sub in value.items():
                check_schema(sub, f"{where}.properties.{name}")
        elif key in ("additionalProperties", "items", "not"):
            if key == "items" and isinstance(value, list):
                raise DeclarationError(f"{where}: tuple \"items\" is not supported")
            check_schema(value, f"{where}.{key}")
        elif key in ("allOf", "anyOf", "oneOf"):
            if not isinstance(value, list) or not value:
                raise DeclarationError(f"{where}: {key} must be a non-empty array")
            for i, sub in enumerate(value):
                check_schema(sub, f"{where}.{key}[{i}]")
        elif key == "pattern":
            try:
                re.compile(value)
            except (re.error, TypeError) as e:
                raise DeclarationError(f"{where}: bad pattern: {e}") from None
        elif key == "required":
            if not isinstance(value, list) or not all(isinstance(n, str) for n in value):
                raise DeclarationError(f"{where}: required must be an array of names")
        elif key == "enum":
            if not isinstance(value, list):
                raise DeclarationError(f"{where}: enum must be an array")


class Problem:
    """One validation failure: where (a dotted path), a keyword, a message."""

    def __init__(self, path, keyword, message):
        self.path = path
        self.keyword = keyword
        self.message = message

    def __str__(self):
        return f"{self.path}: {self.message}" if self.path else self.message

    def __repr__(self):
        return f"Problem({self.path!r}, {self.keyword!r}, {self.message!r})"


def _short(value, limit=60):
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _join(path, part):
    if isinstance(part, int):
        return f"{path}[{part}]"
    return f"{path}.{part}" if path else str(part)


def validate(value, schema, path=""):
    """Every problem of `value` against `schema`, first ones first (an empty
    list: valid)."""
    problems = []
    _validate(value, schema, path, problems)
    return problems


def _validate(value, schema, path, out):
    if schema is True or schema is None:
        return
    if schema is False:
        out.append(Problem(path, "false", "no value is allowed here"))
        return

    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        if not any(type_matches(value, t) for t in names):
            out.append(Problem(path, "type", f"must be {' or '.join(names)}, not {json_type(value)}"))
            return  # the other keywords would only repeat it

    if "const" in schema and not _equal(value, schema["const"]):
        out.append(Problem(path, "const", f"must be {_short(schema['const'])}"))
    if "enum" in schema and not any(_equal(value, e) for e in schema["enum"]):
        allowed = ", ".join(_short(e, 30) for e in schema["enum"])
        out.append(Problem(path, "enum", f"must be one of {allowed} (got {_short(value)})"))

    kind = json_type(value)
    if kind in ("integer", "number"):
        _numeric(value, schema, path, out)
    elif kind == "string":
        _string(value, schema, path, out)
    elif kind == "array":
        _array(value, schema, path, out)
    elif kind == "object":
        _object(value, schema, path, out)

    for sub in schema.get("allOf", []):
        _validate(value, sub, path, out)
    if "anyOf" in schema and not any(not validate(value, s, path) for s in schema["anyOf"]):
        out.append(Problem(path, "anyOf", "matches none of the allowed forms"))
    if "oneOf" in schema:
        matching = sum(1 for s in schema["oneOf"] if not validate(value, s, path))
        if matching != 1:
            out.append(Problem(path, "oneOf", f"must match exactly one allowed form (matches {matching})"))
    if "not" in schema and not validate(value, schema["not"], path):
        out.append(Problem(path, "not", "matches a form that is not allowed"))


def _equal(a, b):
    # JSON equality: true is not 1, 1.0 is 1.
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_equal(a[k], b[k]) for k in a)
    return a == b


def _numeric(value, schema, path, out):
    if "minimum" in schema and value < schema["minimum"]:
        out.append(Problem(path, "minimum", f"must be >= {schema['minimum']} (got {value})"))
    if "maximum" in schema and value > schema["maximum"]:
        out.append(Problem(path, "maximum", f"must be <= {schema['maximum']} (got {value})"))
    if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
        out.append(Problem(path, "exclusiveMinimum", f"must be > {schema['exclusiveMinimum']} (got {value})"))
    if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
        out.append(Problem(path, "exclusiveMaximum", f"must be < {schema['exclusiveMaximum']} (got {value})"))
    step = schema.get("multipleOf")
    # A tolerance: 0.3 / 0.1 is 2.9999999999999996 in binary floating point.
    if step and abs(value / step - round(value / step)) > 1e-9:
        out.append(Problem(path, "multipleOf", f"must be a multiple of {step} (got {value})"))


def _string(value, schema, path, out):
    # JSON Schema counts characters (code points), which is what len() does.
    if "minLength" in schema and len(value) < schema["minLength"]:
        out.append(Problem(path, "minLength", f"must be at least {schema['minLength']} characters (got {len(value)})"))
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        out.append(Problem(path, "maxLength", f"must be at most {schema['maxLength']} characters (got {len(value)})"))
    if "pattern" in schema and not re.search(schema["pattern"], value):
        out.append(Problem(path, "pattern", f"must match {schema['pattern']}"))


def _array(value, schema, path, out):
    if "minItems" in schema and len(value) < schema["minItems"]:
        out.append(Problem(path, "minItems", f"must have at least {schema['minItems']} items (got {len(value)})"))
    if "maxItems" in schema and len(value) > schema["maxItems"]:
        out.append(Problem(path, "maxItems", f"must have at most {schema['maxItems']} items (got {len(value)})"))
    if schema.get("uniqueItems"):
        for i in range(len(value)):
            if any(_equal(value[i], value[j]) for j in range(i)):
                out.append(Problem(_join(path, i), "uniqueItems", "repeats an earlier item"))
                break
    if "items" in schema:
        for i, item in enumerate(value):
            _validate(item, schema["items"], _join(path, i), out)


def _object(value, schema, path, out):
    for name in schema.get("required", []):
        if name not in value:
            out.append(Problem(_join(path, name), "required", "is required"))
    if "minProperties" in schema and len(value) < schema["minProperties"]:
        out.append(Problem(path, "minProperties", f"must have at least {schema['minProperties']} members"))
    if "maxProperties" in schema and len(value) > schema["maxProperties"]:
        out.append(Problem(path, "maxProperties", f"must have at most {schema['maxProperties']} members"))
    properties = schema.get("properties", {})
    extra = schema.get("additionalProperties", True)
    for name, member in value.items():
        if name in properties:
            _validate(member, properties[name], _join(path, name), out)
        elif extra is False:
            out.append(Problem(_join(path, name), "additionalProperties", "is not allowed"))
        elif isinstance(extra, dict):
            _validate(member, extra, _join(path, name), out)


def apply_defaults(value, schema):
    """A copy of object `value` with the `default` of each missing top-level
    property filled in (the engine does this for inputs; config defaults
    are the SDK's convenience)."""
    if not isinstance(value, dict) or not isinstance(schema, dict):
        return value
    result = dict(value)
    for name, sub in schema.get("properties", {}).items():
        if name not in result and isinstance(sub, dict) and "default" in sub:
            result[name] = sub["default"]
    return result
