"""The README's example is real code: it declares, serves and answers."""

import http.client
import json
import os
import re
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))

from hivemind_component import ComponentServer  # noqa: E402


class ReadmeExampleTests(unittest.TestCase):
    def test_example_runs(self):
        with open(os.path.join(HERE, "..", "README.md"), encoding="utf-8") as f:
            code = re.search(r"```python\n(.*?)```", f.read(), re.S).group(1)
        namespace = {"__name__": "readme_example"}
        exec(compile(code, "README.md", "exec"), namespace)
        server = ComponentServer([namespace["Greet"]()]).start()
        try:
            def execute(inputs, config=None):
                connection = http.client.HTTPConnection("127.0.0.1", server.server_address[1], timeout=10)
                connection.request("POST", "/execute", json.dumps({
                    "execution_id": "e", "node_id": "n", "component": "greet", "version": "1.0.0",
                    "inputs": inputs, "config": config or {}}))
                return json.loads(connection.getresponse().read())

            self.assertEqual(execute({"who": "hive", "times": 2}),
                             {"status": "ok", "outputs": {"greeting": "hello hello hive"}, "logs": ["greeting hive"]})
            self.assertEqual(execute({"who": "bee"}, {"word": "hi"})["outputs"]["greeting"], "hi bee")
            refused = execute({"who": "nobody"})
            self.assertEqual(refused["error"]["code"], "VALIDATION_ERROR")
            self.assertEqual(execute({"who": "x"}, {"word": "yo"})["error"]["message"],
                             "config.word: must be one of 'hello', 'hi' (got 'yo')")
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
