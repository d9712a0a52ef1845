# bash completion for hivemind-server and its rotate-master-key command
# (docs/packaging.md). TestPackages checks that these options are exactly
# those of `hivemind-server --help` and `hivemind-server rotate-master-key
# --help`.
_hivemind_server()
{
    local cur prev
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    case $prev in
        --master-key-file|--new-master-key-file|--tls-cert|--tls-key|--agent-binary|--bird-socket|--bird-config|--log-file)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --data-dir)
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --log-format)
            COMPREPLY=($(compgen -W "text json" -- "$cur"))
            return ;;
        --sync)
            COMPREPLY=($(compgen -W "normal full" -- "$cur"))
            return ;;
        --engine-thread)
            COMPREPLY=($(compgen -W "own shared auto" -- "$cur"))
            return ;;
        --wireguard-backend)
            COMPREPLY=($(compgen -W "auto kernel wireguard-go config-only" -- "$cur"))
            return ;;
        --listen)
            COMPREPLY=($(compgen -W "127.0.0.1:8080 0.0.0.0:8080 [::]:8080" -- "$cur"))
            return ;;
        --trusted-proxy|--access-token-ttl|--component-health-interval|--public-url|--db-query-timeout-ms|--http-idle-timeout|--http-header-timeout|--http-request-timeout|--ws-status-interval-ms|--ws-max-unsent-bytes|--ws-ping-interval|--terminal-idle-seconds|--bgp-router-id|--ws-allowed-origin|--log-max-size|--log-keep|--storage-reserve-mib|--storage-warn-mib)
            return ;;
    esac
    local common="-h --help --help-all -v --version --data-dir --master-key-file"
    if [ "${COMP_WORDS[1]}" = rotate-master-key ] && [ "$COMP_CWORD" -gt 1 ]; then
        COMPREPLY=($(compgen -W "$common --new-master-key-file --generate-new-key" -- "$cur"))
        return
    fi
    local words="$common --listen --log-format --tls-cert --tls-key --trusted-proxy --access-token-ttl --component-health-interval --public-url --sync --engine-thread --db-query-timeout-ms --http-idle-timeout --http-header-timeout --http-request-timeout --ws-status-interval-ms --ws-max-unsent-bytes --ws-ping-interval --ws-latency-marks --wireguard-backend --terminal-idle-seconds --agent-binary --bird-socket --bird-config --bgp-router-id --ws-allowed-origin --log-file --log-max-size --log-keep --storage-reserve-mib --storage-warn-mib"
    if [ "$COMP_CWORD" -eq 1 ]; then
        words="rotate-master-key $words"
    fi
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _hivemind_server hivemind-server
