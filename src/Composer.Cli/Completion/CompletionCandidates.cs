using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Engine.Contracts;
using Composer.Loader;
using Composer.Orchestration;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Services;

namespace Composer.Cli.Completion;

/// <summary>
/// What <c>composer __complete WORDS... CURRENT</c> offers: commands before a command, flags after a dash, services
/// of the compose file (found with the -f, --project-directory, --env-file and --profile already typed) as
/// arguments, and the engine's projects after -p. Failures (no compose file, no engine) offer nothing.
/// </summary>
internal static class CompletionCandidates
{
    private static readonly TimeSpan EngineLimit = TimeSpan.FromSeconds(3);

    public static async Task<IReadOnlyList<string>> ForAsync(RootCommand root, string[] words, string current, CliContext context, CancellationToken cancellationToken)
    {
        var command = CommandOf(root, words);
        var previous = words.Length > 0 ? words[^1] : null;
        IEnumerable<string> candidates;
        if (previous is "-p" or "--project-name")
        {
            candidates = await ProjectsAsync(context, cancellationToken);
        }
        else if (previous is not null && TakesValue(command ?? root, root, previous))
        {
            // A file, folder, number...: the shell's own completion serves better.
            candidates = [];
        }
        else if (current.StartsWith('-'))
        {
            candidates = (command?.Options ?? []).Concat(root.Options)
                .Where(option => !option.Hidden)
                .SelectMany(option => option.Aliases.Prepend(option.Name))
                .Where(name => name.StartsWith("--", StringComparison.Ordinal) || current.Length <= 2);
        }
        else if (command is null || command.Name == "help")
        {
            candidates = root.Subcommands.Where(sub => !sub.Hidden).Select(sub => sub.Name);
        }
        else if (command.Name == "completion")
        {
            candidates = CompletionScripts.Shells;
        }
        else if (command.Arguments.Count == 0)
        {
            candidates = [];
        }
        else
        {
            candidates = await ServicesAsync(root, words, context, cancellationToken);
        }

        return [.. candidates.Where(candidate => candidate.StartsWith(current, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static Command? CommandOf(RootCommand root, string[] words)
    {
        for (var index = 0; index < words.Length; index++)
        {
            var word = words[index];
            if (word.StartsWith('-'))
            {
                if (!word.Contains('=', StringComparison.Ordinal) && TakesValue(root, root, word))
                {
                    index++;
                }

                continue;
            }

            return root.Subcommands.FirstOrDefault(sub => sub.Name == word);
        }

        return null;
    }

    private static bool TakesValue(Command command, RootCommand root, string word)
    {
        var option = command.Options.Concat(root.Options).FirstOrDefault(option => option.Name == word || option.Aliases.Contains(word));
        return option is not null && option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
    }

    private static async Task<IEnumerable<string>> ServicesAsync(RootCommand root, string[] words, CliContext context, CancellationToken cancellationToken)
    {
        try
        {
            var parse = root.Parse(words);
            var result = await ProjectLoader.LoadAsync(GlobalOptions.ToLoadOptions(parse, context, []) with { CheckConsistency = false }, cancellationToken);
            return result.Project.Services.Keys.Concat(result.Project.DisabledServices.Keys);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            return [];
        }
    }

    private static async Task<IEnumerable<string>> ProjectsAsync(CliContext context, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(EngineLimit);
        try
        {
            using var engine = EngineFactory.Create(new EngineOptions { Environment = name => context.Environment.GetValueOrDefault(name) });
            var rows = await new ListProjectsService(new OrchestrationContext(engine, NullProgressSink.Instance)).ListAsync(all: true, limit.Token);
            return rows.Select(row => row.Name);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return [];
        }
    }
}
