#!/bin/sh
# systemctl (and journalctl) for TestOperatorGuide's throw-away root, where
# systemd is not PID 1. It runs what the real unit says: the unit file's
# User=, EnvironmentFile= and ExecStart= (unquoted $VARs split at white space,
# as systemd does), so a broken unit or server.env fails the guide's test.
# It does NOT apply the unit's sandboxing (ProtectSystem=, capabilities …):
# TestPackages checks those with systemd-analyze. nginx is started and
# reloaded with its own binary. Logs: /run/hm-units/UNIT.log.
set -e
state=/run/hm-units
mkdir -p "$state"

unit_file() {
    for d in /etc/systemd/system /usr/lib/systemd/system /lib/systemd/system; do
        if [ -f "$d/$1.service" ]; then echo "$d/$1.service"; return; fi
    done
    echo "Unit $1.service not found." >&2; exit 5
}

setting() { sed -n "s/^$2=//p" "$1" | tail -n 1; }

running() { [ -f "$state/$1.pid" ] && kill -0 "$(cat "$state/$1.pid")" 2>/dev/null; }

start() {
    if [ "$1" = nginx ]; then
        if pgrep -x nginx >/dev/null 2>&1; then return; fi
        /usr/sbin/nginx; return
    fi
    running "$1" && return
    file=$(unit_file "$1")
    user=$(setting "$file" User)
    envfile=$(setting "$file" EnvironmentFile | sed 's/^-//')
    exec_start=$(setting "$file" ExecStart)
    env_line=""
    if [ -n "$envfile" ] && [ -f "$envfile" ]; then env_line="set -a; . $envfile; set +a;"; fi
    # Environment= lines of the unit (QT_ENABLE_REGEXP_JIT=0 …).
    for e in $(sed -n 's/^Environment=//p' "$file"); do env_line="$env_line export $e;"; done
    su -s /bin/sh "$user" -c "$env_line exec $exec_start" >>"$state/$1.log" 2>&1 </dev/null &
    echo $! >"$state/$1.pid"
}

stop() {
    if [ "$1" = nginx ]; then
        # quit is asynchronous: wait for the master to go, as systemctl does.
        pid=$(cat /run/nginx.pid 2>/dev/null || true)
        /usr/sbin/nginx -s quit 2>/dev/null || true
        i=0; while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
            i=$((i+1)); sleep 0.1; done
        return
    fi
    running "$1" || return 0
    pid=$(cat "$state/$1.pid")
    kill "$pid"
    i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 300 ]; do i=$((i+1)); sleep 0.1; done
    rm -f "$state/$1.pid"
}

if [ "$(basename "$0")" = journalctl ]; then
    # journalctl -u UNIT [--no-pager …]
    while [ $# -gt 0 ]; do
        case "$1" in -u) cat "$state/${2%.service}.log" 2>/dev/null || true; shift ;; esac
        shift
    done
    exit 0
fi

# Everything but running units (enable's symlinks, preset, is-enabled,
# --root=… from the maintainer scripts' deb-systemd-helper) is the real
# systemctl's: those work on files, without systemd running.
case "$1" in
    start|stop|restart|try-restart|reload|is-active|status|daemon-reload|enable|disable) ;;
    *) exec /usr/bin/systemctl "$@" ;;
esac
now=""
action=$1; shift
units=""
for arg in "$@"; do
    case "$arg" in
        --now) now=1 ;;
        --*) ;;
        *) units="$units ${arg%.service}" ;;
    esac
done
for u in $units; do
    case "$action" in
        start) start "$u" ;;
        stop) stop "$u" ;;
        restart|try-restart) stop "$u"; start "$u" ;;
        reload) if [ "$u" = nginx ]; then
                    if pgrep -x nginx >/dev/null 2>&1; then /usr/sbin/nginx -s reload; else start nginx; fi
                else stop "$u"; start "$u"; fi ;;
        enable) /usr/bin/systemctl enable "$u.service" 2>/dev/null || true
                if [ -n "$now" ]; then start "$u"; fi ;;
        disable) /usr/bin/systemctl disable "$u.service" 2>/dev/null || true
                 if [ -n "$now" ]; then stop "$u"; fi ;;
        is-active) if running "$u"; then echo active; else echo inactive; exit 3; fi ;;
        status) if running "$u"; then echo "$u.service: active (running), pid $(cat "$state/$u.pid")"
                else echo "$u.service: inactive"; exit 3; fi ;;
    esac
done
exit 0
