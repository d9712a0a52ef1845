#!/bin/sh
# TestPackages, "under systemd": runs as the only job of a container that
# systemd-nspawn boots from an overlay of the build machine's files
# (tests/support/booted_root.py; its own network namespace). It installs
# the .debs in /root, starts the real units through systemctl and prints
# RESULT lines for the test to judge.
set -u
echo "RESULT booted"
port=18555
# nspawn makes /dev/net/tun 0600; udev makes it 0666 on a real machine
# (opening it is harmless, creating a device needs CAP_NET_ADMIN).
chmod 0666 /dev/net/tun
# The build machine may have made these users itself (tests): the root must
# start without them, as a fresh machine does.
for u in hivemind hivemind-agent; do
    if getent passwd $u >/dev/null; then deluser --quiet $u; fi
    if getent group $u >/dev/null; then delgroup --quiet $u; fi
done
rm -rf /etc/hivemind /var/lib/hivemind /var/lib/hivemind-agent
if ! dpkg -i /root/hivemind-server_*.deb /root/hivemind-agent_*.deb >/tmp/dpkg.log 2>&1; then
    cat /tmp/dpkg.log
    echo "RESULT dpkg failed"
    exit 1
fi
echo "HIVEMIND_SERVER_OPTS=\"--listen 127.0.0.1:$port\"" >>/etc/hivemind/server.env
systemctl start hivemind-server
HM=http://127.0.0.1:$port
curl -fsS --retry 30 --retry-connrefused --retry-delay 1 $HM/api/v1/health >/dev/null \
    && echo "RESULT server health ok"

status_of() { grep -E '^(NoNewPrivs|Seccomp|CapEff|CapBnd):' /proc/$1/status | tr -d '\t' | tr '\n' ' '; }
echo "RESULT server process $(status_of "$(systemctl show hivemind-server -p MainPID --value)")"

hm_login() {
    TOKEN=$(curl -sS --fail-with-body -X POST "$HM/api/v1/auth/login" \
        -H 'Content-Type: application/json' \
        -d "$(jq -n --arg u "$1" --arg p "$2" '{username: $u, password: $p}')" | jq -r .data.access_token)
}
hm() {
    m=$1; p=$2; shift 2
    curl -sS --fail-with-body -X "$m" "$HM/api/v1$p" -H "Authorization: Bearer $TOKEN" \
        -H 'Content-Type: application/json' "$@"
}
first=$(cat /var/lib/hivemind/initial-admin-password)
hm_login admin "$first"
hm PUT /users/me/password -d "$(jq -n --arg c "$first" --arg n "Boot-$(od -An -tx8 -N8 /dev/urandom | tr -d ' ')-Aa1" \
    '{current_password: $c, new_password: $n}')" >/dev/null

# The agent: enrolled with the secret the server gives, as the guide says.
node=$(hm POST /nodes -d '{"name": "booted-1"}')
node_id=$(echo "$node" | jq -r .data.node.id)
cat >/etc/hivemind/agent.conf <<EOC
server=$HM
enrol_secret=$(echo "$node" | jq -r .data.enrolment.secret)
name=booted-1
EOC
systemctl start hivemind-agent
i=0
until hm GET /nodes/$node_id | jq -e '.data.status == "online"' >/dev/null || [ $i -ge 60 ]; do
    i=$((i + 1)); sleep 1
done
hm GET /nodes/$node_id | jq -r '"RESULT agent node " + .data.status'
echo "RESULT agent process $(status_of "$(systemctl show hivemind-agent -p MainPID --value)")"

# A backup: the worker, the files it writes and syncs under ProtectSystem.
backup=$(hm POST /backup/backups -d '{"name": "booted"}' | jq -r .data.id)
i=0
until hm GET /backup/backups/$backup | jq -e '.data.status != "running"' >/dev/null || [ $i -ge 60 ]; do
    i=$((i + 1)); sleep 1
done
hm GET /backup/backups/$backup | jq -r '"RESULT backup " + .data.status'

# A WireGuard server through the unit's capability, device and runtime
# directory (wireguard-go, or the kernel module where it loads).
wg=$(hm POST /wireguard/servers -d '{"name": "booted", "interface": "wgboot0", "listen_port": 51999,
    "ipv4_address": "10.99.0.1/24", "endpoint_host": "192.0.2.1"}')
wg_id=$(echo "$wg" | jq -r .data.id)
hm POST /wireguard/servers/$wg_id/start | jq -r '"RESULT wireguard start " + (.success | tostring) + " " + (.error.message // "")'
hm GET /wireguard/servers/$wg_id/status | jq -r '"RESULT wireguard " + .data.status'
ip -brief address show wgboot0 | sed 's/^/RESULT link /'

systemctl show hivemind-server -p ActiveState -p NRestarts | tr '\n' ' ' | sed 's/^/RESULT server unit /'; echo
systemctl show hivemind-agent -p ActiveState -p NRestarts | tr '\n' ' ' | sed 's/^/RESULT agent unit /'; echo
journalctl -u hivemind-server -u hivemind-agent --no-pager -p warning -q | sed 's/^/WARNING /'
systemd-analyze security --no-pager hivemind-server hivemind-agent 2>&1 | grep 'Overall' | sed 's/^/RESULT /'
echo "RESULT end"
