# bash completion for the console, hivemind (README "Using the console").
# TestPackages checks that these options, languages and sections are
# exactly those of `hivemind --help`.
_hivemind()
{
    local cur prev
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    case $prev in
        --data-dir)
            COMPREPLY=($(compgen -d -- "$cur"))
            return ;;
        --screenshot)
            COMPREPLY=($(compgen -f -X '!*.png' -- "$cur"))
            return ;;
        --lang)
            COMPREPLY=($(compgen -W "en zh_TW zh_CN" -- "$cur"))
            return ;;
        --section)
            COMPREPLY=($(compgen -W "dashboard flows executions components services credentials nodes vpn alerts audit users settings" -- "$cur"))
            return ;;
        --theme)
            COMPREPLY=($(compgen -W "light dark system" -- "$cur"))
            return ;;
    esac
    COMPREPLY=($(compgen -W "-h --help --help-all -v --version --lang --data-dir --no-keychain --screenshot --section --theme" -- "$cur"))
}
complete -F _hivemind hivemind
