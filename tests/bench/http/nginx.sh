# shellcheck shell=bash
# nginx for the HTTP benchmarks (sourced, not run): serves health.json (the
# bytes of one /api/v1/health answer) at /api/v1/health from a generated
# minimal config, on a free loopback port. Sets NGINX_URL, NGINX_PID.
# BENCH_NGINX_WORKERS: worker processes (default 1: one event loop, like
# the HiveMind server's one HTTP thread).

start_nginx() {
    local body_file=$1 dir="$BENCH_WORK/nginx"
    local bin
    bin=$(command -v nginx || echo /usr/sbin/nginx)
    [ -x "$bin" ] || die "nginx not found: run installer/setup-bench-deps.sh"
    # shellcheck disable=SC2034 # read by the report
    NGINX_VERSION=$("$bin" -v 2>&1 | sed 's/.*\///')
    mkdir -p "$dir/www" "$dir/tmp"
    cp "$body_file" "$dir/www/health.json"
    # Workers run as an unprivileged user when started by root: let them in.
    chmod 711 "$BENCH_WORK" "$dir"
    chmod 755 "$dir/www"
    chmod 644 "$dir/www/health.json"
    local port
    port=$(free_port)
    cat >"$dir/nginx.conf" <<CONF
worker_processes ${BENCH_NGINX_WORKERS:-1};
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    # Keep wrk's connections open for the whole run, as HiveMind does.
    keepalive_requests 100000000;
    keepalive_timeout 300s;
    default_type application/json;
    server {
        listen 127.0.0.1:$port;
        root $dir/www;
        location = /api/v1/health { try_files /health.json =404; }
    }
}
CONF
    "$bin" -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' >"$BENCH_WORK/nginx.log" 2>&1 &
    NGINX_PID=$!
    track_pid "$NGINX_PID"
    NGINX_URL="http://127.0.0.1:$port"
    wait_for nginx 20 curl -sf "$NGINX_URL/api/v1/health" ||
        die "nginx did not start: $(tail -5 "$BENCH_WORK/nginx.log" "$dir/error.log")"
}
