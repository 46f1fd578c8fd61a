using Composer.Loader.Binding;
using Composer.Loader.Consistency;
using Composer.Loader.Diagnostics;
using Composer.Loader.Discovery;
using Composer.Loader.EnvFiles;
using Composer.Loader.Naming;
using Composer.Loader.Normalization;
using Composer.Loader.Pipeline;
using Composer.Loader.Profiles;
using Composer.Loader.Tree;
using Composer.Loader.Validation;
using Composer.Model;

namespace Composer.Loader;

/// <summary>
/// Loads a compose project: discovery -> .env -> read + interpolate each file -> include -> merge -> extends ->
/// naming -> schema validation -> binding -> profiles -> env_file -> consistency.
/// Every problem is collected and thrown together as one <see cref="LoadException"/>.
/// </summary>
public static class ProjectLoader
{
    private const string ComposeFileVariable = "COMPOSE_FILE";
    private const string PathSeparatorVariable = "COMPOSE_PATH_SEPARATOR";
    private const string ProfilesVariable = "COMPOSE_PROFILES";

    public static Task<LoadResult> LoadAsync(LoadOptions options, CancellationToken cancellationToken) =>
        LoadAsync(options, ProjectBinder.Bind, cancellationToken);

    /// <summary>The merged tree without binding (for <c>config</c> and tests); throws <see cref="LoadException"/>.</summary>
    public static Task<ComposeTree> LoadTreeAsync(LoadOptions options, CancellationToken cancellationToken) =>
        GuardAsync(options, diagnostics => BuildTreeAsync(options, diagnostics, cancellationToken), cancellationToken);

    internal static Task<LoadResult> LoadAsync(LoadOptions options, ProjectBinding bind, CancellationToken cancellationToken) =>
        GuardAsync(options, async diagnostics =>
        {
            var tree = await BuildTreeAsync(options, diagnostics, cancellationToken).ConfigureAwait(false);

            SchemaValidator.Validate(tree.Root, diagnostics);
            diagnostics.ThrowIfErrors();

            var context = new BindContext(tree.ProjectName, tree.WorkingDirectory, tree.ConfigFiles, tree.Environment);
            var project = bind(tree.Root, context, diagnostics) with { SourceFiles = tree.SourceFiles };
            diagnostics.ThrowIfErrors();

            project = ImplicitDependencies.Apply(project);

            project = ProfileFilter.Apply(project, ActiveProfiles(options, tree.Environment), options.RequestedServices, tree.Root, diagnostics);
            project = EnvFileMerger.Apply(project, options.RequestedServices, diagnostics);
            if (options.CheckConsistency)
            {
                ConsistencyChecker.Check(project, tree.Root, diagnostics);
            }

            diagnostics.ThrowIfErrors();

            return new LoadResult(project, Warnings(diagnostics));
        }, cancellationToken);

    private static async Task<ComposeTree> BuildTreeAsync(LoadOptions options, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var workingDirectory = Path.GetFullPath(options.WorkingDirectory);
        // --env-file wins; else COMPOSE_ENV_FILES (comma-separated), else the project's .env.
        var envFileNames = options.EnvFiles.Count > 0 ? options.EnvFiles
            : options.Environment.TryGetValue("COMPOSE_ENV_FILES", out var listed) && listed.Trim().Length > 0
                ? listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
        var envFiles = envFileNames.Select(file => Path.GetFullPath(file, workingDirectory)).ToArray();
        var explicitProjectDirectory = options.ProjectDirectory is null ? null : Path.GetFullPath(options.ProjectDirectory, workingDirectory);

        // COMPOSE_FILE may itself come from the .env file, which is looked for before the compose files are known.
        var earlyDirectory = explicitProjectDirectory ?? workingDirectory;
        var earlyDiagnostics = new DiagnosticBag();
        var early = await EnvironmentResolver
            .ResolveAsync(options.Environment, envFiles, earlyDirectory, earlyDiagnostics, cancellationToken)
            .ConfigureAwait(false);
        var files = ComposeFileLocator.Locate(
            options.ConfigFiles, workingDirectory, early.GetValueOrDefault(ComposeFileVariable), early.GetValueOrDefault(PathSeparatorVariable), diagnostics);
        diagnostics.ThrowIfErrors();

        var projectDirectory = explicitProjectDirectory
            ?? (files[0] == ComposeFileLocator.StandardInputName ? workingDirectory : Path.GetDirectoryName(files[0])!);
        // Usually the compose files are in the folder the .env was looked for in: the same files, read once.
        IReadOnlyDictionary<string, string> variables;
        if (envFiles.Length > 0 || string.Equals(projectDirectory, earlyDirectory, StringComparison.Ordinal))
        {
            foreach (var diagnostic in earlyDiagnostics.Items)
            {
                diagnostics.Add(diagnostic);
            }

            variables = early;
        }
        else
        {
            variables = await EnvironmentResolver
                .ResolveAsync(options.Environment, envFiles, projectDirectory, diagnostics, cancellationToken)
                .ConfigureAwait(false);
        }

        diagnostics.ThrowIfErrors();

        var builder = new ProjectTreeBuilder(diagnostics, options.Interpolate, options.Environment, options.StandardInput, workingDirectory);
        var root = await builder.BuildAsync(files, variables, [], cancellationToken).ConfigureAwait(false);
        diagnostics.ThrowIfErrors();

        var projectName = ProjectNameResolver.Resolve(options.ProjectName, variables, root!, projectDirectory, diagnostics);
        diagnostics.ThrowIfErrors();

        var configFiles = files.Select(file => file == ComposeFileLocator.StandardInputName ? ProjectTreeBuilder.StandardInputDisplayName : file).ToArray();
        return new ComposeTree(root!, projectName!, projectDirectory, configFiles, variables, Warnings(diagnostics)) { SourceFiles = builder.SourceFiles };
    }

    private static IReadOnlyList<string> ActiveProfiles(LoadOptions options, IReadOnlyDictionary<string, string> variables)
    {
        if (options.Profiles.Count > 0)
        {
            return options.Profiles;
        }

        return variables.TryGetValue(ProfilesVariable, out var listed)
            ? listed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
    }

    private static IReadOnlyList<Diagnostic> Warnings(DiagnosticBag diagnostics) =>
        diagnostics.Items.Where(item => item.Severity == DiagnosticSeverity.Warning).ToArray();

    /// <summary>Makes sure nothing but <see cref="LoadException"/> (or the caller's cancellation) leaves the loader.</summary>
    private static async Task<T> GuardAsync<T>(LoadOptions options, Func<DiagnosticBag, Task<T>> load, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        try
        {
            return await load(diagnostics).ConfigureAwait(false);
        }
        catch (LoadException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var where = options.ConfigFiles.Count > 0 ? string.Join(", ", options.ConfigFiles) : options.WorkingDirectory;
            diagnostics.Error(new Mark(where, 0, 0), string.Empty, $"unexpected problem while loading: {exception.Message}");
            throw new LoadException(diagnostics.Items.Where(item => item.Severity == DiagnosticSeverity.Error).ToArray());
        }
    }
}
