#!/usr/bin/env python3
"""TestOperatorGuide: every command of docs/operator-guide.md, run.

The guide's shell blocks are fenced with an info string that says what
happens to them (the guide's "How this guide is tested"):

  ```sh guide-test               run by this test, in order, in one shell
  ```sh guide-test new-machine   the same, after the test has made the root
                                 a "new machine" (services stopped, packages
                                 purged, users gone; /root kept: the files
                                 the operator copied over)
  ```sh not-tested: REASON       shown only; the reason is required

Any other shell block (sh, bash, shell, console) fails the test, so no
command slips in untested. The tested blocks run as root on a throw-away
machine with systemd as PID 1 (a container booted by systemd-nspawn from an
overlay of this machine's files, tests/support/booted_root.py, with its own
network namespace), so `systemctl` and `journalctl` are the real ones and
the units run with their whole sandbox; the .debs are the ones cpack builds
from this tree, in /root as if downloaded. No network besides the
container's loopback.

The troubleshooting tables are checked against the sources: every exit
code of hivemind-server (server/runtime/ExitCodes.h) and hivemind-agent
(agent/AgentOptions.h) is listed and nothing else, every error code named
exists in core/common/Error.cpp and every details.code in the sources.

Usage: TestOperatorGuide.py BUILD_DIR SOURCE_DIR
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

# The shared helpers, without leaving __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_cases import FAILED, PASSED, case  # noqa: E402
from booted_root import BootedRoot  # noqa: E402

BUILD, SOURCE = sys.argv[1], sys.argv[2]
GUIDE = os.path.join(SOURCE, "docs", "operator-guide.md")
SHELL_LANGS = {"sh", "bash", "shell", "console", "zsh"}


def blocks(text):
    """(line, info string, body) of every fenced block, in order."""
    found, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        m = re.match(r"^(\s*)(```+)(.*)$", lines[i])
        if m:
            indent, fence, info = m.group(1), m.group(2), m.group(3).strip()
            start, body = i + 1, []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(fence):
                body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
                i += 1
            found.append((start, info, "\n".join(body)))
        i += 1
    return found


def section(text, title):
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert m, f"the guide has no section '## {title}'"
    return m.group(1)


def unmarked_blocks(text):
    """The shell blocks that are neither run by the test nor say why not."""
    bad = []
    for line, info, _ in blocks(text):
        words = info.split()
        if not words or words[0] not in SHELL_LANGS:
            continue
        rest = " ".join(words[1:])
        if rest in ("guide-test", "guide-test new-machine"):
            continue
        if rest.startswith("not-tested:") and len(rest.split(":", 1)[1].strip()) >= 10:
            continue
        bad.append(f"line {line}: ```{info}")
    return bad


@case("every shell block is marked guide-test or not-tested with a reason")
def check_marks(text):
    bad = unmarked_blocks(text)
    assert not bad, "unmarked shell blocks (mark them `sh guide-test` or `sh not-tested: why`):\n" \
        + "\n".join(bad)
    tested = [b for b in blocks(text) if b[1].startswith("sh guide-test")]
    assert len(tested) >= 10, f"only {len(tested)} tested blocks"


def source_exit_codes():
    server = open(os.path.join(SOURCE, "server/runtime/ExitCodes.h"), encoding="utf-8").read()
    agent = open(os.path.join(SOURCE, "agent/AgentOptions.h"), encoding="utf-8").read()
    return {"hivemind-server": {int(n) for n in re.findall(r"^\s*Exit\w+ = (\d+),", server, re.M)},
            "hivemind-agent": {int(n) for n in re.findall(r"constexpr int kExit\w+ = (\d+);", agent)}}


def source_text(*dirs):
    chunks = []
    for d in dirs:
        for root, _, files in os.walk(os.path.join(SOURCE, d)):
            for f in files:
                if f.endswith((".cpp", ".h")):
                    chunks.append(open(os.path.join(root, f), encoding="utf-8", errors="replace").read())
    return "\n".join(chunks)


def troubleshooting_problems(text, sources):
    """What in the guide's Troubleshooting does not match the sources."""
    problems = []
    part = section(text, "Troubleshooting")
    wanted = source_exit_codes()
    listed = {p: set() for p in wanted}
    for program, code in re.findall(r"^\| `(hivemind-server|hivemind-agent)` \| (\d+) \|", part, re.M):
        listed[program].add(int(code))
    for program in wanted:
        assert wanted[program], f"no exit codes parsed for {program}"
        if listed[program] != wanted[program]:
            problems.append(f"{program}: the guide lists exit codes {sorted(listed[program])}, "
                            f"the sources have {sorted(wanted[program])}")
    catalogue = set(re.findall(r'\{ErrorCode::\w+, "([A-Z_]+)", \d+\}',
                               open(os.path.join(SOURCE, "core/common/Error.cpp"),
                                    encoding="utf-8").read()))
    assert len(catalogue) > 40, "could not parse core/common/Error.cpp"
    codes = set(re.findall(r"^\| `([A-Z][A-Z_]+)`", part, re.M))
    if len(codes) < 8:
        problems.append(f"only {sorted(codes)} error codes in the table")
    unknown = sorted(codes - catalogue)
    if unknown:
        problems.append(f"error codes not in core/common/Error.cpp: {unknown}")
    details = set(re.findall(r"`details\.code` `([A-Za-z_]+)`", part))
    missing = sorted(d for d in details if f'"{d}"' not in sources)
    if missing:
        problems.append(f"details.code values not in server/ or core/: {missing}")
    return problems


@case("troubleshooting: exit codes and error codes exist in the sources")
def check_troubleshooting(text, sources):
    problems = troubleshooting_problems(text, sources)
    assert not problems, "\n".join(problems)


@case("the checks catch an unmarked block, a stale exit code, an unknown error code; the script's order")
def check_the_checks(text, sources):
    # The guide itself passes; these doctored copies must not.
    unmarked = text + "\n```bash\nrm -rf /\n```\n```sh not-tested:\nx\n```\n"
    assert len(unmarked_blocks(unmarked)) == 2, unmarked_blocks(unmarked)
    stale = text.replace("| `hivemind-server` | 3 |", "| `hivemind-server` | 4 |")
    assert stale != text and any("exit codes" in p for p in troubleshooting_problems(stale, sources))
    unknown = text.replace("| `NODE_OFFLINE` |", "| `NODE_GONE` |")
    assert unknown != text and any("NODE_GONE" in p for p in troubleshooting_problems(unknown, sources))
    detail = text.replace("`backup_running`", "`backup_runing`")
    assert detail != text and any("backup_runing" in p for p in troubleshooting_problems(detail, sources))
    # The script runs the tested blocks in order, makes the new machine
    # right before a new-machine block, and leaves shown-only blocks out.
    sample = ("```sh guide-test\necho one\n```\n```sh not-tested: needs a real systemd\n"
              "echo shown\n```\n```sh guide-test new-machine\necho two\n```\n")
    script = script_for(sample, {"HM_PORT": 1})
    assert "echo shown" not in script, script
    assert 0 < script.index("echo one") < script.index("dpkg --purge") < script.index("echo two"), script
    assert script.rstrip().endswith("echo '>>> guide done'") and "trap '" in script, script


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_debs(work):
    out = os.path.join(work, "debs")
    # The server and the agent only: the console's package is not needed
    # and is the slowest to compress.
    result = subprocess.run(["cpack", "--config", os.path.join(BUILD, "CPackConfig.cmake"),
                             "-G", "DEB", "-B", out, "-D", "CPACK_COMPONENTS_ALL=server;agent"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    assert result.returncode == 0, result.stdout
    return [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".deb")]


NEW_MACHINE = """
# --- the test: a new machine (services stopped, packages purged, users gone; /root kept)
for u in hivemind-agent hivemind-server nginx; do systemctl stop $u; done
dpkg --purge hivemind-server hivemind-agent >/tmp/purge.log 2>&1 || { cat /tmp/purge.log; exit 1; }
for u in hivemind hivemind-agent; do
    if getent passwd $u >/dev/null; then deluser --quiet $u; fi
    if getent group $u >/dev/null; then delgroup --quiet $u; fi
done
rm -rf /var/lib/hivemind /var/lib/hivemind-agent /etc/hivemind \
    /etc/nginx/sites-available/hivemind /etc/nginx/sites-enabled/hivemind
# A new machine's nginx runs (installed, without HiveMind's site).
systemctl start nginx
"""


def script_for(text, env):
    parts = ["set -e", "cd /root",
             # On failure: the services' last lines (the container is gone
             # afterwards).
             "trap 'rc=$?; [ $rc -eq 0 ] || for u in hivemind-server hivemind-agent nginx; do "
             "echo \"--- $u\"; journalctl -u $u --no-pager -q -n 15; done' EXIT"]
    parts += [f"export {k}='{v}'" for k, v in env.items()]
    parts.append("""
# The test starts from a machine without HiveMind (its tests may have made these users).
for u in hivemind hivemind-agent; do
    if getent passwd $u >/dev/null; then deluser --quiet $u; fi
    if getent group $u >/dev/null; then delgroup --quiet $u; fi
done
rm -rf /etc/hivemind /var/lib/hivemind /var/lib/hivemind-agent
""")
    for line, info, body in blocks(text):
        if not info.startswith("sh guide-test"):
            continue
        if info.endswith("new-machine"):
            parts.append(NEW_MACHINE)
        parts.append(f"echo '>>> guide block at line {line}'")
        parts.append(body)
    parts.append("echo '>>> guide done'")
    return "\n".join(parts) + "\n"


@case("the guide's commands run under systemd: install, first start, TLS, proxy, agent, backup, "
      "restore drill, upgrade")
def check_commands(text, work):
    why = BootedRoot.missing()
    if why:
        raise AssertionError(why)
    root = BootedRoot(work)
    # The packages, where an operator downloaded them.
    for deb in build_debs(work):
        shutil.copy(deb, root.path("/root"))
    env = {"HM_PORT": free_port(), "HM_PROXY_PORT": free_port(), "HM_HOST": "localhost",
           "HM_ADDR": "127.0.0.1"}
    root.write("/root/guide.sh", script_for(text, env), 0o600)
    # nginx runs as it does on a machine where it was installed.
    status, log, console = root.run("/bin/sh -e /root/guide.sh", wants=("nginx.service",),
                                    timeout=200)
    print(log.rstrip())
    started = re.findall(r"^>>> guide block at line (\d+)$", log, re.M)
    assert started, "the container did not boot or the guide did not start:\n" + console[-3000:]
    assert status == 0 and ">>> guide done" in log, (
        f"the guide's commands failed (exit {status}) in the block at line "
        f"{started[-1] if started else '?'} of docs/operator-guide.md")


def main():
    started = time.monotonic()
    text = open(GUIDE, encoding="utf-8").read()
    sources = source_text("server", "core")
    check_marks(text)
    check_troubleshooting(text, sources)
    check_the_checks(text, sources)
    missing = [p for p in ("hivemind-server", "hivemind-agent")
               if not os.path.exists(os.path.join(BUILD, "bin", p))]
    if missing:
        print(f"FAIL!  : build first: cmake --build --preset ci --target TestOperatorGuide ({missing})")
        return 1
    work = tempfile.mkdtemp(prefix="hm-guide-")
    try:
        check_commands(text, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"TestOperatorGuide took {time.monotonic() - started:.1f}s")
    print(f"Totals: {len(PASSED)} passed, {len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
