#!/usr/bin/env python3
"""TestPackages: the .deb packages of cmake/Packaging.cmake, built and checked.

Builds hivemind, hivemind-server and hivemind-agent .debs with cpack from the
build tree (the three programs must be built: cpack builds nothing), then:
contents (dpkg -c), control fields (Depends from dpkg-shlibdeps, maintainer
scripts, conffiles), lintian without errors, desktop-file-validate and
appstreamcli on the console's files, systemd-analyze verify of both units,
the shell completions against the programs' --help, and a real install:
dpkg -i into a throw-away root (an overlay of this machine's own files in a
private mount namespace), where the maintainer scripts create the users,
directories and modes, the installed server starts as `hivemind` and
answers over loopback, and a purge cleans up. Nothing leaves the temporary
directory; no network besides loopback.

Usage: TestPackages.py BUILD_DIR SOURCE_DIR
"""

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

# The shared helpers, without leaving __pycache__ in the source tree.
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from check_cases import FAILED, PASSED, case  # noqa: E402
from booted_root import BootedRoot  # noqa: E402
from overlay_root import OverlayRoot  # noqa: E402

BUILD, SOURCE = sys.argv[1], sys.argv[2]
BIN = os.path.join(BUILD, "bin")
HAS_CONSOLE = os.path.exists(os.path.join(BIN, "hivemind"))


def run(cmd, check=True, **kw):
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, **kw)
    if check and result.returncode != 0:
        raise AssertionError(f"{' '.join(cmd)} exited {result.returncode}:\n{result.stdout}")
    return result


def help_options(text):
    """Every --option (and -x) that a Qt --help lists."""
    found = set()
    for line in text.splitlines():
        m = re.match(r"^\s+((?:-\w, )?--[a-z0-9-]+)", line)
        if m:
            for token in m.group(1).split(", "):
                found.add(token)
    return found


def script_options(path):
    text = open(path, encoding="utf-8").read()
    # Comments name options in prose; only the code counts.
    code = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("#"))
    return set(re.findall(r"(?<![\w-])(--[a-z0-9-]+|-[hv])(?![\w-])", code))


# ---------------------------------------------------------------- the checks

def expected_files():
    files = {
        "hivemind-server": [
            "./usr/bin/hivemind-server",
            "./usr/lib/systemd/system/hivemind-server.service",
            "./etc/hivemind/server.env",
            "./usr/share/bash-completion/completions/hivemind-server",
            "./usr/share/zsh/vendor-completions/_hivemind-server",
            "./usr/share/doc/hivemind-server/copyright",
            "./usr/share/doc/hivemind-server/changelog.gz",
            "./usr/share/doc/hivemind-server/packaging.md",
            "./usr/share/doc/hivemind-server/backup.md",
        ],
        "hivemind-agent": [
            "./usr/bin/hivemind-agent",
            "./usr/lib/systemd/system/hivemind-agent.service",
            "./usr/share/hivemind-agent/agent.conf",
            "./usr/share/bash-completion/completions/hivemind-agent",
            "./usr/share/zsh/vendor-completions/_hivemind-agent",
            "./usr/share/doc/hivemind-agent/copyright",
            "./usr/share/doc/hivemind-agent/changelog.gz",
            "./usr/share/doc/hivemind-agent/agent.md",
        ],
    }
    if HAS_CONSOLE:
        files["hivemind"] = [
            "./usr/bin/hivemind",
            "./usr/share/applications/org.hivemind.HiveMind.desktop",
            "./usr/share/metainfo/org.hivemind.HiveMind.metainfo.xml",
            "./usr/share/icons/hicolor/scalable/apps/org.hivemind.HiveMind.svg",
            *[f"./usr/share/icons/hicolor/{n}x{n}/apps/org.hivemind.HiveMind.png"
              for n in (16, 32, 48, 64, 128, 256)],
            "./usr/share/bash-completion/completions/hivemind",
            "./usr/share/zsh/vendor-completions/_hivemind",
            "./usr/share/doc/hivemind/copyright",
            "./usr/share/doc/hivemind/changelog.gz",
        ]
    return files


@case("contents: binaries, units, desktop files, completions, docs; nothing else")
def check_contents(debs):
    for package, wanted in expected_files().items():
        listing = run(["dpkg-deb", "-c", debs[package]]).stdout
        paths = {}
        for line in listing.splitlines():
            fields = line.split(None, 5)
            paths[fields[5].split(" -> ")[0]] = (fields[0], fields[1])
        for path in wanted:
            assert path in paths, f"{package} lacks {path}:\n{listing}"
            mode, owner = paths[path]
            assert owner == "root/root", f"{package}: {path} owned by {owner}"
        binary = f"./usr/bin/{package}"
        assert paths[binary][0] == "-rwxr-xr-x", f"{binary} is {paths[binary][0]}"
        files = [p for p, (mode, _) in paths.items() if not mode.startswith("d")]
        unexpected = sorted(set(files) - set(wanted))
        assert not unexpected, f"{package} has unexpected files: {unexpected}"
        # The translations are Qt resources inside the binaries (:/i18n):
        # no .qm file ships beside them.
        assert not [p for p in files if p.endswith(".qm")], f"{package} ships .qm files"


@case("control: Depends from dpkg-shlibdeps, Recommends, maintainer scripts, conffiles")
def check_control(debs, work):
    fields = {}
    for package, deb in debs.items():
        fields[package] = {f: run(["dpkg-deb", "-f", deb, f]).stdout.strip()
                           for f in ("Package", "Version", "Depends", "Recommends", "Suggests",
                                     "Architecture")}
        assert fields[package]["Package"] == package, fields[package]
        assert fields[package]["Version"] == "0.1.0", fields[package]
        assert fields[package]["Architecture"] == run(["dpkg", "--print-architecture"]).stdout.strip()
        depends = fields[package]["Depends"]
        # dpkg-shlibdeps: versioned library packages of Debian 12.
        for library in ("libc6 (>=", "libqt6core6 (>=", "libqt6network6 (>="):
            assert library in depends, f"{package} Depends lacks {library}: {depends}"
    server, agent = fields["hivemind-server"], fields["hivemind-agent"]
    for lib in ("libsqlcipher", "libsodium", "libjemalloc"):
        assert lib in server["Depends"], f"hivemind-server Depends lacks {lib}: {server['Depends']}"
    assert "adduser" in server["Depends"] and "adduser" in agent["Depends"]
    assert "libsqlcipher" not in agent["Depends"], "the agent never links the store"
    assert "wireguard-tools" in server["Recommends"], server
    assert "bird2" in server["Suggests"], server
    if HAS_CONSOLE:
        console = fields["hivemind"]
        assert "qt6-qpa-plugins" in console["Depends"], console
        assert "libqt6widgets6" in console["Depends"], console
        assert "qt6-translations-l10n" in console["Recommends"], console

    for package in ("hivemind-server", "hivemind-agent"):
        control = os.path.join(work, "control", package)
        os.makedirs(os.path.dirname(control), exist_ok=True)
        run(["dpkg-deb", "-e", debs[package], control])
        for script in ("postinst", "prerm", "postrm"):
            path = os.path.join(control, script)
            assert os.access(path, os.X_OK), f"{package} {script} missing or not executable"
            run(["sh", "-n", path])
    conffiles = open(os.path.join(work, "control", "hivemind-server", "conffiles")).read().split()
    assert conffiles == ["/etc/hivemind/server.env"], conffiles
    assert not os.path.exists(os.path.join(work, "control", "hivemind-agent", "conffiles"))


def start_lintian(debs):
    """lintian takes half a minute: it runs while the other checks do."""
    return subprocess.Popen(["lintian", "--tag-display-limit", "0", *debs.values()],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


@case("lintian: no errors (warnings listed)")
def check_lintian(lintian):
    output, _ = lintian.communicate(timeout=240)
    print(output.rstrip())
    errors = [l for l in output.splitlines() if l.startswith("E:")]
    assert not errors, "lintian errors:\n" + "\n".join(errors)
    assert lintian.returncode in (0, 1), output  # 2: lintian itself failed


@case("desktop file and AppStream metadata validate")
def check_desktop(roots):
    if not HAS_CONSOLE:
        return
    root = roots["hivemind"]
    run(["desktop-file-validate",
         os.path.join(root, "usr/share/applications/org.hivemind.HiveMind.desktop")])
    run(["appstreamcli", "validate", "--no-net",
         os.path.join(root, "usr/share/metainfo/org.hivemind.HiveMind.metainfo.xml")])


@case("systemd-analyze verify: both units clean against the installed binaries")
def check_units(roots, work):
    # The units name /usr/bin/…; verify resolves them inside --root.
    merged = os.path.join(work, "units-root")
    # The targets the units name (sysinit.target, network-online.target …)
    # come from this machine's systemd.
    shutil.copytree("/usr/lib/systemd/system", os.path.join(merged, "usr/lib/systemd/system"),
                    symlinks=True)
    for root in roots.values():
        shutil.copytree(root, merged, dirs_exist_ok=True, symlinks=True)
    units = [os.path.join(merged, "usr/lib/systemd/system", u)
             for u in ("hivemind-server.service", "hivemind-agent.service")]
    result = run(["systemd-analyze", "verify", "--man=no", f"--root={merged}", *units],
                 check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    # systemd's own exposure score (0 safe … 10 exposed): both stay "OK",
    # at most 2.5, so that a loosened setting shows here.
    for unit in ("hivemind-server.service", "hivemind-agent.service"):
        score = run(["systemd-analyze", "security", "--offline=true", "--threshold=25",
                     f"--root={merged}", unit], check=False)
        overall = [l for l in score.stdout.splitlines() if "Overall exposure" in l]
        print(overall[0] if overall else score.stdout)
        assert score.returncode == 0 and overall, f"{unit} exposure above 2.5:\n{score.stdout}"
    for unit in units:
        text = open(unit, encoding="utf-8").read()
        for setting in ("ProtectSystem=strict", "NoNewPrivileges=yes", "ProtectHome=yes",
                        "PrivateTmp=yes", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX "
                        "AF_NETLINK", "CapabilityBoundingSet="):
            assert setting in text, f"{unit} lacks {setting}"
    server = open(units[0], encoding="utf-8").read()
    assert "CapabilityBoundingSet=CAP_NET_ADMIN\n" in server
    assert "ReadWritePaths=/var/lib/hivemind\n" in server
    agent = open(units[1], encoding="utf-8").read()
    assert "CapabilityBoundingSet=\n" in agent


@case("installed binaries run: --version of each")
def check_versions(roots):
    for package, root in roots.items():
        binary = os.path.join(root, "usr/bin", package)
        out = run([binary, "--version"], env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}).stdout
        assert "0.1.0" in out, f"{package} --version: {out}"


@case("completions: bash and zsh offer exactly the options of --help")
def check_completions(roots):
    programs = {"hivemind-server": [["--help"], ["rotate-master-key", "--help"]],
                "hivemind-agent": [["--help"]]}
    if HAS_CONSOLE:
        programs["hivemind"] = [["--lang", "en", "--help"]]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    for program, invocations in programs.items():
        root = roots[program]
        binary = os.path.join(root, "usr/bin", program)
        offered = set()
        for arguments in invocations:
            offered |= help_options(run([binary, *arguments], env=env).stdout)
        assert "--help" in offered and len(offered) > 5, offered
        bash = os.path.join(root, "usr/share/bash-completion/completions", program)
        zsh = os.path.join(root, "usr/share/zsh/vendor-completions", "_" + program)
        run(["bash", "-n", bash])
        run(["zsh", "-n", zsh])
        for script in (bash, zsh):
            listed = script_options(script)
            assert listed == offered, (
                f"{os.path.basename(script)}: missing {sorted(offered - listed)}, "
                f"unknown {sorted(listed - offered)}")
        # The console's languages and sections, as its --help lists them.
        if program == "hivemind":
            text = " ".join(run([binary, "--lang", "en", "--help"], env=env).stdout.split())
            for label in ("User interface language: ", "Section to show at start: "):
                values = text.split(label, 1)[1].split(".", 1)[0].split(", ")
                for script in (bash, zsh):
                    words = open(script, encoding="utf-8").read()
                    for value in values:
                        assert re.search(rf"[ (\"]{value}[ )\"]", words), \
                            f"{os.path.basename(script)} lacks {value} ({label.strip()})"
        # bash really completes: the options starting with --data.
        out = run(["bash", "-c", f"source {bash}; COMP_WORDS=({program} --data); COMP_CWORD=1; "
                   f"_{program.replace('-', '_')}; printf '%s\\n' \"${{COMPREPLY[@]}}\""]).stdout
        assert "--data-dir" in out.split(), out


class Root(OverlayRoot):
    """The throw-away root (tests/support/overlay_root.py) with the
    packages in /debs."""

    def __init__(self, work):
        super().__init__(work)
        self.debs = os.path.join(self.upper, "debs")
        os.makedirs(self.debs)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@case("install into a fresh root: users, modes, config kept, server runs as hivemind, purge")
def check_install(debs, work):
    if os.geteuid() != 0 or not shutil.which("unshare"):
        raise AssertionError("needs root and unshare (a private mount namespace)")
    root = Root(work)
    for deb in debs.values():
        shutil.copy(deb, root.debs)
    packages = " ".join(f"/debs/{os.path.basename(d)}" for d in debs.values())
    port = free_port()
    out = root.sh(f"""
        # The build machine may have made these users itself (tests): the
        # root must start without them, as a fresh machine does.
        for u in hivemind hivemind-agent; do
            if getent passwd $u >/dev/null; then deluser --quiet $u; fi
            if getent group $u >/dev/null; then delgroup --quiet $u; fi
        done
        rm -rf /etc/hivemind /var/lib/hivemind /var/lib/hivemind-agent
        dpkg -i {packages} >/tmp/dpkg.log 2>&1 || {{ cat /tmp/dpkg.log; exit 1; }}
        echo "users: $(id -u hivemind) $(id -u hivemind-agent) $(id -nG hivemind) $(id -nG hivemind-agent)"
        stat -c 'mode %n %a %U:%G' /var/lib/hivemind /var/lib/hivemind-agent /etc/hivemind \
            /etc/hivemind/server.env /etc/hivemind/agent.conf
        getent passwd hivemind | cut -d: -f6,7
        wants=/etc/systemd/system/multi-user.target.wants
        test -L $wants/hivemind-server.service && echo "server enabled"
        test -e $wants/hivemind-agent.service || echo "agent not enabled"
        # The agent reads its config, cannot change it.
        su -s /bin/sh hivemind-agent -c 'test -r /etc/hivemind/agent.conf && ! test -w /etc/hivemind/agent.conf' \
            && echo "agent reads config, cannot write it"
        su -s /bin/sh hivemind-agent -c 'test -r /etc/hivemind/server.env' || echo "agent cannot read server.env"
        # The operator's config survives a reinstall; one left open to
        # everyone is closed again (its contents kept).
        echo 'server=https://hivemind.test:8443' >> /etc/hivemind/agent.conf
        chmod 0666 /etc/hivemind/agent.conf
        echo 'HIVEMIND_SERVER_OPTS="--log-format json --listen 127.0.0.1:{port}"' >> /etc/hivemind/server.env
        dpkg -i /debs/hivemind-agent_*.deb /debs/hivemind-server_*.deb >/tmp/dpkg.log 2>&1 \
            || {{ cat /tmp/dpkg.log; exit 1; }}
        grep -c '^server=https://hivemind.test:8443' /etc/hivemind/agent.conf | sed 's/^/kept lines: /'
        grep -c '127.0.0.1:{port}' /etc/hivemind/server.env | sed 's/^/kept options: /'
        stat -c 'reinstalled %n %a %U:%G' /etc/hivemind/agent.conf
        # The installed server starts as its user from the unit's ExecStart
        # with server.env's variables, expanded as systemd does (unquoted
        # $VAR: split at white space, empty ones dropped).
        exec_start=$(sed -n 's/^ExecStart=//p' /usr/lib/systemd/system/hivemind-server.service)
        su -s /bin/sh hivemind -c "set -a; . /etc/hivemind/server.env; set +a; \
            $exec_start >/tmp/server.log 2>&1 & echo \$! > /tmp/server.pid"
        i=0; while [ $i -lt 300 ] && ! grep -qs 'listening\\|http://127.0.0.1:{port}' /tmp/server.log; do
            i=$((i+1)); sleep 0.1; done
        cat /tmp/server.log | head -5
        wget -q -O - http://127.0.0.1:{port}/api/v1/health 2>/dev/null || \
            python3 -c 'import urllib.request,sys; print(urllib.request.urlopen("http://127.0.0.1:{port}/api/v1/health").read().decode())' || true
        echo
        stat -c 'mode %n %a %U:%G' /var/lib/hivemind/master.key /var/lib/hivemind/hivemind.db
        kill $(cat /tmp/server.pid); i=0; while kill -0 $(cat /tmp/server.pid) 2>/dev/null && [ $i -lt 100 ]; do i=$((i+1)); sleep 0.1; done
        # remove keeps the data and the configuration …
        dpkg -r hivemind-server hivemind-agent >/tmp/dpkg.log 2>&1 || {{ cat /tmp/dpkg.log; exit 1; }}
        test -f /var/lib/hivemind/master.key && test -f /etc/hivemind/agent.conf \
            && test -f /etc/hivemind/server.env && echo "remove kept data and config"
        # … purge deletes them.
        dpkg --purge hivemind-server hivemind-agent {"hivemind" if HAS_CONSOLE else ""} >/tmp/dpkg.log 2>&1 || {{ cat /tmp/dpkg.log; exit 1; }}
        for p in /var/lib/hivemind /var/lib/hivemind-agent /etc/hivemind /usr/bin/hivemind-server \
                 $wants/hivemind-server.service; do
            test -e $p && echo "left after purge: $p"
        done
        echo purged
    """).stdout
    print(out.rstrip())
    modes = dict(re.findall(r"^mode (\S+) (\S+ \S+)$", out, re.M))
    assert modes.get("/var/lib/hivemind") == "750 hivemind:hivemind", modes
    assert modes.get("/var/lib/hivemind-agent") == "700 hivemind-agent:hivemind-agent", modes
    assert modes.get("/etc/hivemind") == "755 root:root", modes
    assert modes.get("/etc/hivemind/server.env") == "640 root:hivemind", modes
    assert modes.get("/etc/hivemind/agent.conf") == "640 root:hivemind-agent", modes
    assert modes.get("/var/lib/hivemind/master.key") == "600 hivemind:hivemind", modes
    assert "/var/lib/hivemind:/usr/sbin/nologin" in out, out
    assert "agent reads config, cannot write it" in out and "agent cannot read server.env" in out
    assert "kept lines: 1" in out and "kept options: 1" in out, out
    assert "reinstalled /etc/hivemind/agent.conf 640 root:hivemind-agent" in out, out
    assert '"message":' in out, "the server did not take server.env's --log-format json:\n" + out
    assert "server enabled" in out and "agent not enabled" in out, out
    assert "remove kept data and config" in out, out
    assert '"status"' in out, "the installed server did not answer /api/v1/health:\n" + out
    assert "left after purge" not in out and out.rstrip().endswith("purged"), out



def results(log):
    """The RESULT lines of the check's output, as a set."""
    return {m.group(1) for m in re.finditer(r"^RESULT (.+)$", log, re.M)}


@case("under systemd: the installed units start hardened, the agent enrols, a backup and a "
      "WireGuard server run inside the sandbox")
def check_systemd(debs, work):
    """The real systemd as PID 1 (a container booted from an overlay of this
    machine's files, tests/support/booted_root.py) applies the units'
    sandbox — capabilities, seccomp, ProtectSystem, device policy — which
    the install case above cannot; tests/packaging/systemd-check.sh runs
    inside."""
    why = BootedRoot.missing()
    if why:
        raise AssertionError(why)
    root = BootedRoot(work)
    for package in ("hivemind-server", "hivemind-agent"):
        shutil.copy(debs[package], root.path("/root"))
    root.write("/usr/local/sbin/hm-systemd-check",
               open(os.path.join(SOURCE, "tests", "packaging", "systemd-check.sh"),
                    encoding="utf-8").read(), 0o755)
    started = time.monotonic()
    status, log, console = root.run("/usr/local/sbin/hm-systemd-check", timeout=200)
    print(f"  container ran {time.monotonic() - started:.1f}s, the check exited {status}")
    for line in log.splitlines():
        if line.startswith(("RESULT", "WARNING")):
            print("  " + line)
    got = results(log)
    assert "booted" in got, "the container did not boot or the check did not run:\n" + console[-3000:]
    assert status == 0 and "end" in got, "the check stopped early:\n" + log[-4000:]
    assert "server health ok" in got, log[-4000:]
    # CAP_NET_ADMIN (bit 12) and nothing else; no new privileges; a seccomp
    # filter (mode 2).
    assert "server process CapEff:0000000000001000 CapBnd:0000000000001000 NoNewPrivs:1 Seccomp:2 " in got, log
    assert "agent process CapEff:0000000000000000 CapBnd:0000000000000000 NoNewPrivs:1 Seccomp:2 " in got, log
    assert "agent node online" in got, log[-4000:]
    assert "backup completed" in got, log[-4000:]
    assert "wireguard start true " in got and "wireguard running" in got, log[-4000:]
    assert any(k.startswith("link wgboot0") and "10.99.0.1/24" in k for k in got), log[-4000:]
    for unit in ("server", "agent"):
        assert {f"{unit} unit ActiveState=active NRestarts=0 ",
                f"{unit} unit NRestarts=0 ActiveState=active "} & got, log
    assert "\nWARNING" not in log, "the services logged warnings under systemd:\n" + log[-4000:]


def main():
    started = time.monotonic()
    needed = ["hivemind-server", "hivemind-agent"] + (["hivemind"] if HAS_CONSOLE else [])
    missing = [p for p in needed if not os.path.exists(os.path.join(BIN, p))]
    if missing:
        print(f"FAIL!  : build first (cpack builds nothing): cmake --build --preset ci --target "
              f"{' '.join(needed)}; missing {missing}")
        return 1
    for tool in ("cpack", "dpkg-deb", "lintian", "systemd-analyze", "dpkg-shlibdeps", "zsh",
                 "desktop-file-validate", "appstreamcli", "unshare", "systemd-nspawn"):
        if not shutil.which(tool):
            print(f"FAIL!  : {tool} not installed (installer/packages.txt)")
            return 1
    work = tempfile.mkdtemp(prefix="hm-packages-")
    try:
        out = os.path.join(work, "out")
        result = run(["cpack", "--config", os.path.join(BUILD, "CPackConfig.cmake"), "-G", "DEB",
                      "-B", out], check=False)
        if result.returncode != 0:
            print(result.stdout)
            print("FAIL!  : cpack")
            return 1
        print(f"PASS   : cpack built the packages ({time.monotonic() - started:.1f}s)")
        debs = {}
        for name in os.listdir(out):
            if name.endswith(".deb"):
                debs[name.split("_")[0]] = os.path.join(out, name)
        assert sorted(debs) == sorted(needed), debs
        roots = {}
        for package, deb in debs.items():
            roots[package] = os.path.join(work, "x", package)
            os.makedirs(roots[package])
            run(["dpkg-deb", "-x", deb, roots[package]])

        lintian = start_lintian(debs)
        check_contents(debs)
        check_control(debs, work)
        check_desktop(roots)
        check_units(roots, work)
        check_versions(roots)
        check_completions(roots)
        check_install(debs, work)
        check_systemd(debs, work)
        check_lintian(lintian)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"TestPackages took {time.monotonic() - started:.1f}s")
    print(f"Totals: {len(PASSED) + 1} passed, {len(FAILED)} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
