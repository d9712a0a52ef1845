# bash completion for hivemind-agent (docs/agent.md). TestPackages checks
# that these options are exactly those of `hivemind-agent --help`.
_hivemind_agent()
{
    local cur prev
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    case $prev in
        --config|--nginx-binary|--nginx-conf|--nginx-pid|--openssl-binary|--compose-command)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --data-dir|--nginx-sites-available|--nginx-sites-enabled|--nginx-prefix|--nginx-ssl-dir|--compose-root|--files-root)
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --docker-socket)
            COMPREPLY=($(compgen -f -- "$cur"))
            return ;;
        --allow)
            # comma-separated: complete the name after the last comma
            local done=${cur%"${cur##*,}"}
            COMPREPLY=($(compgen -P "$done" -W "metrics probes terminal processes files docker nginx tasks upgrade reboot" -- "${cur##*,}"))
            return ;;
        --server)
            COMPREPLY=($(compgen -W "https:// http://" -- "$cur"))
            return ;;
        --enrol-secret|--interval|--pin-sha256|--name)
            return ;;
    esac
    COMPREPLY=($(compgen -W "-h --help --help-all -v --version --config --server --enrol-secret --data-dir --interval --pin-sha256 --name --docker-socket --compose-command --nginx-binary --nginx-conf --nginx-sites-available --nginx-sites-enabled --nginx-pid --nginx-prefix --nginx-ssl-dir --openssl-binary --allow --compose-root --files-root --print-fingerprint" -- "$cur"))
}
complete -F _hivemind_agent hivemind-agent
