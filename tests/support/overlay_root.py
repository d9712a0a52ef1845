"""A throw-away root for the tests that install HiveMind's .debs for real
(TestPackages, TestOperatorGuide): this machine's files are the lower layer
of an overlay, mounted in a private mount namespace by `unshare`, so dpkg,
the maintainer scripts and an operator's commands run as on a machine of
their own while every change lands in upper/. Needs root and unshare."""

import os
import subprocess

# The environment of a script in the root: no variables of the test run.
ROOT_ENV = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}


class OverlayRoot:
    def __init__(self, work):
        self.base = os.path.join(work, "root")
        for d in ("upper", "work", "merged"):
            os.makedirs(os.path.join(self.base, d))
        # What is put here before sh() is in the root (at the same path
        # below /).
        self.upper = os.path.join(self.base, "upper")
        self.merged = os.path.join(self.base, "merged")

    def sh(self, script, check=True, timeout=120, env=None):
        """Runs `script` with `sh -e` in the root (fresh /proc, /dev with
        null, zero, random and urandom, empty /run and /tmp); returns the
        subprocess result, stderr in stdout. check: a failure raises
        AssertionError with the output."""
        b = self.base
        setup = (
            f"mount -t overlay overlay -o lowerdir=/,upperdir={b}/upper,workdir={b}/work "
            f"{b}/merged && mount -t proc proc {b}/merged/proc && "
            f"mount -t tmpfs tmpfs {b}/merged/dev && mount -t tmpfs tmpfs {b}/merged/run && "
            f"mount -t tmpfs tmpfs {b}/merged/tmp && "
            f"for d in null zero random urandom; do touch {b}/merged/dev/$d && "
            f"mount --bind /dev/$d {b}/merged/dev/$d; done && "
            f"exec chroot {b}/merged /bin/sh -ec \"$0\"")
        result = subprocess.run(
            ["unshare", "--mount", "--propagation", "private", "sh", "-ec", setup, script],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=timeout,
            env=env or ROOT_ENV)
        if check and result.returncode != 0:
            raise AssertionError(f"the script in the root exited {result.returncode}:\n"
                                 f"{result.stdout}")
        return result
