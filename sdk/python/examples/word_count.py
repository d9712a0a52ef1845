#!/usr/bin/env python3
"""word-count 1.0.0: counts the words of a text and names the most frequent.

    python3 examples/word_count.py --listen 127.0.0.1:9000

Config `pace_ms` waits that long per word: it makes a run long enough to
watch (or cancel) in the console; the loop checks for cancellation on every
word, as long-running components should.
"""

import collections
import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from hivemind_component import Component, Port, serve  # noqa: E402

WORD = re.compile(r"\w+(?:['’-]\w+)*")


class WordCount(Component):
    name = "word-count"
    version = "1.0.0"
    description = "Counts the words of a text and lists the most frequent ones"
    inputs = [
        Port("text", "string", required=True, description="the text to count",
             schema={"minLength": 1, "maxLength": 10_000_000}),
        Port("top", "integer", default=3, description="how many frequent words to list",
             schema={"minimum": 1, "maximum": 100}),
    ]
    outputs = [
        Port("words", "integer", description="number of words"),
        Port("unique", "integer", description="number of distinct words"),
        Port("top", "array", description="the most frequent words, most frequent first",
             schema={"type": "array", "items": {"type": "object", "required": ["word", "count"]}}),
    ]
    config_schema = {
        "type": "object",
        "properties": {
            "case_sensitive": {"type": "boolean", "default": False},
            "pace_ms": {"type": "integer", "minimum": 0, "maximum": 60000, "default": 0,
                        "description": "wait per word (demonstrations)"},
        },
        "additionalProperties": False,
    }

    def run(self, ctx, inputs):
        counts = collections.Counter()
        pace = ctx.config["pace_ms"] / 1000.0
        for match in WORD.finditer(inputs["text"]):
            word = match.group(0)
            counts[word if ctx.config["case_sensitive"] else word.lower()] += 1
            if pace:
                ctx.sleep(pace)  # wakes up, and raises, when cancelled
            else:
                ctx.check_cancelled()
        total = sum(counts.values())
        ctx.log(f"counted {total} words, {len(counts)} distinct")
        # Ties in frequency are broken alphabetically, so answers repeat.
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[: inputs["top"]]
        return {
            "words": total,
            "unique": len(counts),
            "top": [{"word": w, "count": n} for w, n in ranked],
        }


if __name__ == "__main__":
    sys.exit(serve(WordCount()))
