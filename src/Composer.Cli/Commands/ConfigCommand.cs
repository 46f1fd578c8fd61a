using System.CommandLine;
using System.Text;
using Composer.Cli.Hosting;
using Composer.Loader;
using Composer.Loader.Output;
using Composer.Loader.Writing;
using Composer.Model;
using Composer.Planning.Hashing;

namespace Composer.Cli.Commands;

/// <summary><c>composer config</c>: validate the project and print its canonical form, or one listing of it.</summary>
internal static class ConfigCommand
{
    private static readonly Option<string> Format = new("--format") { Description = "yaml or json", DefaultValueFactory = _ => "yaml" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only validate; print nothing" };
    private static readonly Option<bool> Services = new("--services") { Description = "Print the service names, one per line" };
    private static readonly Option<bool> Volumes = new("--volumes") { Description = "Print the volume names, one per line" };
    private static readonly Option<bool> Networks = new("--networks") { Description = "Print the network names, one per line" };
    private static readonly Option<bool> Profiles = new("--profiles") { Description = "Print the profile names, one per line" };
    private static readonly Option<bool> Images = new("--images") { Description = "Print the image names, one per line" };
    private static readonly Option<string?> Hash = new("--hash") { Description = "Print the config hash of services (\"*\" for all, or comma-separated names)" };
    private static readonly Option<bool> NoInterpolate = new("--no-interpolate") { Description = "Do not interpolate environment variables" };
    private static readonly Option<bool> NoConsistency = new("--no-consistency") { Description = "Do not check the project's references for consistency" };
    private static readonly Option<string?> OutputFile = new("--output", "-o") { Description = "Write to this file instead of standard output" };
    private static readonly Option<bool> Variables = new("--variables") { Description = "Print the model's variables and their defaults" };
    private static readonly Option<bool> EnvironmentOption = new("--environment") { Description = "Print the environment used for interpolation" };
    private static readonly Option<bool> NoNormalize = new("--no-normalize") { Description = "Don't normalize the compose model: print the merged, interpolated files as written" };
    private static readonly Option<bool> NoPathResolution = new("--no-path-resolution") { Description = "Don't resolve file paths (prints the merged, interpolated files as written)" };
    private static readonly Option<bool> ResolveImageDigests = new("--resolve-image-digests") { Description = "Pin image tags to the digests the engine knows them by" };
    private static readonly Argument<string[]> ServiceNames = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "config", "Parse, resolve and render the compose file in canonical form", context, RunAsync,
        Format, Quiet, Services, Volumes, Networks, Profiles, Images, Hash, NoInterpolate, NoConsistency, OutputFile,
        Variables, EnvironmentOption, NoNormalize, NoPathResolution, ResolveImageDigests, ServiceNames);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var requested = parse.GetValue(ServiceNames) ?? [];
        var options = invocation.LoadOptions(requested) with { CheckConsistency = !parse.GetValue(NoConsistency) };
        if (parse.GetValue(Variables) || parse.GetValue(EnvironmentOption))
        {
            var raw = await ProjectLoader.LoadTreeAsync(options with { Interpolate = false }, cancellationToken);
            return await WriteAsync(invocation, parse.GetValue(Variables)
                ? ConfigVariables.Table(TreeYamlWriter.ToYaml(raw))
                : string.Concat(raw.Environment.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}\n")), cancellationToken);
        }

        // docker compose's config prints the model as written under --compatibility (its noNormalize), lists aside.
        var lists = parse.GetValue(Services) || parse.GetValue(Volumes) || parse.GetValue(Networks) || parse.GetValue(Profiles)
            || parse.GetValue(Images) || parse.GetValue(Hash) is not null;
        if (parse.GetValue(NoNormalize) || parse.GetValue(NoPathResolution) || (parse.GetValue(GlobalOptions.Compatibility) && !lists))
        {
            var merged = await ProjectLoader.LoadTreeAsync(options, cancellationToken);
            return await WriteAsync(invocation, parse.GetValue(Quiet) ? null : TreeYamlWriter.ToYaml(merged), cancellationToken);
        }

        if (parse.GetValue(NoInterpolate))
        {
            // Un-interpolated values ("${PORT}:80") cannot be bound to the typed model: print the merged tree as written.
            var tree = await ProjectLoader.LoadTreeAsync(options with { Interpolate = false }, cancellationToken);
            return await WriteAsync(invocation, parse.GetValue(Quiet) ? null : TreeYamlWriter.ToYaml(tree), cancellationToken);
        }

        var result = await ProjectLoader.LoadAsync(options, cancellationToken);
        foreach (var warning in result.Warnings)
        {
            invocation.Output.Warn(warning.ToString());
        }

        var loaded = result.Project with { Compatibility = invocation.Compatibility(result.Project.Environment) };
        var project = requested.Length == 0 ? loaded : ProjectSelection.Only(loaded, requested);
        if (parse.GetValue(ResolveImageDigests))
        {
            project = await ImageDigests.PinAsync(invocation, project, cancellationToken);
        }

        return await WriteAsync(invocation, parse.GetValue(Quiet) ? null : Render(project, parse), cancellationToken);
    }

    /// <summary>Prints to stdout, or to -o FILE; null (for -q) prints nothing.</summary>
    private static async Task<int> WriteAsync(CommandInvocation invocation, string? text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return ExitCodes.Success;
        }

        var outputFile = invocation.ParseResult.GetValue(OutputFile);
        if (outputFile is null)
        {
            invocation.Output.WriteData(text);
        }
        else
        {
            await File.WriteAllTextAsync(Path.GetFullPath(outputFile, invocation.Context.WorkingDirectory), text, cancellationToken);
        }

        return ExitCodes.Success;
    }

    private static string Render(Project project, ParseResult parse)
    {
        if (parse.GetValue(Services))
        {
            return Lines(project.Services.Keys);
        }

        if (parse.GetValue(Volumes))
        {
            return Lines(project.Volumes.Keys);
        }

        if (parse.GetValue(Networks))
        {
            return Lines(project.Networks.Keys);
        }

        if (parse.GetValue(Profiles))
        {
            var profiles = project.Services.Values.Concat(project.DisabledServices.Values).SelectMany(service => service.Profiles);
            return Lines(profiles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }

        if (parse.GetValue(Images))
        {
            return Lines(project.Services.Values.Select(service => ComposeNames.Image(project, service)));
        }

        var hash = parse.GetValue(Hash);
        if (hash is not null)
        {
            var names = hash == "*" ? project.Services.Keys : hash.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var builder = new StringBuilder();
            foreach (var name in names)
            {
                if (!project.Services.TryGetValue(name, out var service))
                {
                    throw new UsageException($"no such service: {name}");
                }

                builder.Append(name).Append(' ').Append(ConfigHash.Compute(project, service)).Append('\n');
            }

            return builder.ToString();
        }

        var format = parse.GetValue(Format) ?? "yaml";
        return format.ToLowerInvariant() switch
        {
            "yaml" => ProjectWriter.ToYaml(project),
            "json" => ProjectWriter.ToJson(project),
            _ => throw new UsageException($"--format must be yaml or json (got '{format}')"),
        };
    }

    private static string Lines(IEnumerable<string> values)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            builder.Append(value).Append('\n');
        }

        return builder.ToString();
    }
}
