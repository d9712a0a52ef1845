"""A throw-away machine with systemd as PID 1, for the tests that run the
installed units for real (TestPackages, TestOperatorGuide).

systemd-nspawn (Debian's systemd-container) boots a container from an
overlay of this machine's own files (no image, no download): every change
lands in upper/, the machine itself is untouched. The container has its own
network namespace (its own loopback: no port clash with other tests) and
boots into a target whose only job is one command, run as a oneshot unit
with its output in a log; the unit powers the container off when the
command ends, whatever its exit code. Needs root."""

import os
import shutil
import subprocess

from overlay_root import ROOT_ENV

RUN_UNIT = """[Unit]
Description=HiveMind test command
After=sysinit.target {after}
Wants={wants}
SuccessAction=poweroff-force
FailureAction=poweroff-force

[Service]
Type=oneshot
WorkingDirectory=/root
Environment=HOME=/root LANG=C.UTF-8
{environment}
ExecStart={command}
ExecStopPost=/bin/sh -c 'echo "$EXIT_STATUS" > /var/tmp/hm-booted.status'
StandardOutput=file:/var/tmp/hm-booted.log
StandardError=inherit
TimeoutStartSec={timeout}
"""

RUN_TARGET = """[Unit]
Description=HiveMind test command
Requires=sysinit.target hm-booted.service
After=sysinit.target
"""


class BootedRoot:
    def __init__(self, work, name="booted"):
        self.base = os.path.join(work, name)
        self.upper = os.path.join(self.base, "upper")
        for d in ("work", "merged", "upper/etc/systemd/system", "upper/var/tmp", "upper/root"):
            os.makedirs(os.path.join(self.base, d), exist_ok=True)
        os.chmod(os.path.join(self.upper, "root"), 0o700)

    @staticmethod
    def missing():
        """Why this machine cannot boot one, or None."""
        if os.geteuid() != 0:
            return "needs root"
        for tool in ("systemd-nspawn", "unshare"):
            if not shutil.which(tool):
                return f"needs {tool} (installer/packages.txt)"
        if not os.path.exists("/lib/systemd/systemd"):
            return "needs systemd installed (the container boots this machine's)"
        return None

    def path(self, inside):
        """Where a file at `inside` (absolute, in the container) goes before boot."""
        return os.path.join(self.upper, inside.lstrip("/"))

    def write(self, inside, text, mode=0o644):
        target = self.path(inside)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(target, mode)

    def run(self, command, env=None, wants=(), timeout=240):
        """Boots, runs `command` (a unit's ExecStart= line) with `env` and
        the units in `wants` started first, powers off. Returns (exit status
        of the command or None when it never ended, its output, what
        systemd-nspawn printed)."""
        environment = "\n".join(f'Environment="{k}={v}"' for k, v in (env or {}).items())
        units = " ".join(wants)
        self.write("/etc/systemd/system/hm-booted.service",
                   RUN_UNIT.format(after=units, wants=units, environment=environment,
                                   command=command, timeout=timeout))
        self.write("/etc/systemd/system/hm-booted.target", RUN_TARGET)
        boot = (f"mount -t overlay overlay -o lowerdir=/,upperdir={self.upper},"
                f"workdir={self.base}/work {self.base}/merged && "
                f"exec systemd-nspawn --quiet --directory={self.base}/merged --boot "
                f"--register=no --keep-unit --private-network --machine=hm-test-{os.getpid()} "
                f"systemd.unit=hm-booted.target")
        try:
            booted = subprocess.run(
                ["unshare", "--mount", "--propagation", "private", "sh", "-ec", boot],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                timeout=timeout + 60, env=ROOT_ENV)
            console = booted.stdout
        except subprocess.TimeoutExpired as e:
            console = (e.stdout or b"").decode(errors="replace") + "\n(the container did not stop)"
        log_path = self.path("/var/tmp/hm-booted.log")
        log = open(log_path, encoding="utf-8", errors="replace").read() \
            if os.path.exists(log_path) else ""
        status_path = self.path("/var/tmp/hm-booted.status")
        status = None
        if os.path.exists(status_path):
            text = open(status_path, encoding="utf-8").read().strip()
            status = int(text) if text.isdigit() else None
        return status, log, console
