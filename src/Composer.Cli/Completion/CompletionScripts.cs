namespace Composer.Cli.Completion;

/// <summary>
/// The scripts <c>composer completion bash|zsh|fish</c> prints. Each asks <c>composer __complete WORDS... CURRENT</c>
/// for the candidates, so commands, flags, the compose file's services and the engine's projects are always current.
/// </summary>
internal static class CompletionScripts
{
    public static readonly IReadOnlyList<string> Shells = ["bash", "zsh", "fish"];

    public static string For(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "fish" => Fish,
        _ => throw new UsageException($"unsupported shell \"{shell}\": expected bash, zsh or fish"),
    };

    private const string Bash = """
        # composer completion for bash: `source <(composer completion bash)`, or save it in /etc/bash_completion.d/composer
        _composer_complete() {
            local cur="${COMP_WORDS[COMP_CWORD]}"
            local IFS=$'\n'
            local candidates
            candidates=$(composer __complete "${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null)
            COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
        }
        complete -o default -F _composer_complete composer

        """;

    private const string Zsh = """
        #compdef composer
        # composer completion for zsh: `source <(composer completion zsh)`, or save it as _composer in your $fpath
        _composer() {
            local -a candidates
            candidates=("${(@f)$(composer __complete "${(@)words[2,CURRENT-1]}" "${words[CURRENT]}" 2>/dev/null)}")
            if (( ${#candidates} )) && [[ -n "${candidates[1]}" ]]; then
                compadd -a candidates
            else
                _files
            fi
        }
        compdef _composer composer

        """;

    private const string Fish = """
        # composer completion for fish: `composer completion fish | source`, or save it in ~/.config/fish/completions/composer.fish
        function __composer_complete
            set -l words (commandline -opc)
            set -e words[1]
            composer __complete $words (commandline -ct) 2>/dev/null
        end
        complete -c composer -f -a '(__composer_complete)'

        """;
}
