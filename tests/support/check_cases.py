"""The checks of the Python test scripts (TestPackages, TestOperatorGuide)
as named cases: each prints PASS or FAIL! with its time in QtTest's words,
and a failure does not stop the next check."""

import time

PASSED, FAILED = [], []


def case(name):
    """Runs one check; a failure is reported and the next check still runs."""
    def wrap(fn):
        def runner(*args):
            started = time.monotonic()
            try:
                fn(*args)
                PASSED.append(name)
                print(f"PASS   : {name} ({time.monotonic() - started:.1f}s)", flush=True)
            except Exception as error:  # noqa: BLE001 - every failure is reported
                FAILED.append(name)
                print(f"FAIL!  : {name}: {error}", flush=True)
        return runner
    return wrap
