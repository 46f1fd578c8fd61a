using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Logs;
using Composer.Cli.Rendering;
using Composer.Cli.Output;
using Composer.Orchestration.Services;
using Composer.Orchestration.Watch;

namespace Composer.Cli.Commands;

/// <summary><c>composer up</c>: create and start the project's containers, converging on what is already there.</summary>
internal static class UpCommand
{
    private static readonly Option<bool> Detach = new("--detach", "-d") { Description = "Run containers in the background" };
    private static readonly Option<bool> Wait = new("--wait") { Description = "Wait for services to be running or healthy (implies -d)" };
    private static readonly Option<int?> WaitTimeout = new("--wait-timeout") { Description = "Seconds to wait with --wait" };
    private static readonly Option<bool> ForceRecreate = new("--force-recreate") { Description = "Recreate containers even if nothing changed" };
    private static readonly Option<bool> NoRecreate = new("--no-recreate") { Description = "Never recreate existing containers" };
    private static readonly Option<bool> NoDeps = new("--no-deps") { Description = "Do not start linked services" };
    private static readonly Option<bool> NoStart = new("--no-start") { Description = "Create but do not start" };
    private static readonly Option<bool> RemoveOrphans = new("--remove-orphans") { Description = "Remove containers of services not in the compose file" };
    private static readonly Option<string[]> Scale = new("--scale") { Description = "SERVICE=N (repeatable)" };
    private static readonly Option<int?> Timeout = new("--timeout", "-t") { Description = "Seconds to wait for containers to stop" };
    private static readonly Option<string[]> Attach = new("--attach") { Description = "Restrict attaching to these services (repeatable)" };
    private static readonly Option<string[]> NoAttach = new("--no-attach") { Description = "Do not attach (stream logs) to these services (repeatable)" };
    private static readonly Option<bool> AbortOnContainerExit = new("--abort-on-container-exit") { Description = "Stop all containers if any container stops" };
    private static readonly Option<string?> ExitCodeFrom = new("--exit-code-from") { Description = "Return the exit code of this service's container (implies --abort-on-container-exit)" };
    private static readonly Option<bool> NoColor = new("--no-color") { Description = "Produce monochrome output" };
    private static readonly Option<bool> NoLogPrefix = new("--no-log-prefix") { Description = "Don't print a prefix in logs" };
    private static readonly Option<bool> Timestamps = new("--timestamps") { Description = "Show timestamps" };
    private static readonly Option<bool> Build = new("--build") { Description = "Build images before starting containers" };
    private static readonly Option<bool> NoBuild = new("--no-build") { Description = "Don't build an image, even if it's missing" };
    private static readonly Option<string> Pull = new("--pull") { Description = "Pull images before running: always, missing, never, or policy (each service's pull_policy)", DefaultValueFactory = _ => "policy" };
    private static readonly Option<bool> QuietPull = new("--quiet-pull") { Description = "Pull without printing progress information" };
    private static readonly Option<bool> QuietBuild = new("--quiet-build") { Description = "Suppress the build output" };
    private static readonly Option<bool> RenewAnonVolumes = new("--renew-anon-volumes", "-V") { Description = "Recreate anonymous volumes instead of retrieving data from the previous containers (Composer always does)" };
    private static readonly Option<bool> AlwaysRecreateDeps = new("--always-recreate-deps") { Description = "Recreate dependent containers. Incompatible with --no-recreate" };
    private static readonly Option<bool> AttachDependencies = new("--attach-dependencies") { Description = "Show the output of the dependencies too" };
    private static readonly Option<bool> AbortOnContainerFailure = new("--abort-on-container-failure") { Description = "Stop all containers if any container exited with failure" };
    private static readonly Option<bool> Yes = new("--yes", "-y") { Description = "Assume \"yes\" as answer to all prompts and run non-interactively (recreate volumes whose definition changed)" };
    private static readonly Option<bool> Watch = new("--watch", "-w") { Description = "Watch source code and rebuild/refresh containers when files are updated" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "up", "Create and start containers", context, RunAsync,
        Detach, Wait, WaitTimeout, ForceRecreate, NoRecreate, NoDeps, NoStart, RemoveOrphans, Scale, Timeout, Attach, NoAttach, AbortOnContainerExit, ExitCodeFrom, NoColor, NoLogPrefix, Timestamps, Build, NoBuild, Pull, QuietPull, QuietBuild, RenewAnonVolumes, AlwaysRecreateDeps, AttachDependencies, AbortOnContainerFailure, Yes, Watch, PlanFormat.Option, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        if (parse.GetValue(ForceRecreate) && parse.GetValue(NoRecreate))
        {
            throw new UsageException("--force-recreate and --no-recreate cannot be combined");
        }

        if (parse.GetValue(Build) && parse.GetValue(NoBuild))
        {
            throw new UsageException("--build and --no-build cannot be combined");
        }

        if (parse.GetValue(Detach) && (parse.GetValue(AbortOnContainerExit) || parse.GetValue(ExitCodeFrom) is not null || parse.GetValue(AbortOnContainerFailure)))
        {
            throw new UsageException("--detach cannot be combined with --abort-on-container-exit, --abort-on-container-failure or --exit-code-from");
        }

        if (parse.GetValue(AbortOnContainerExit) && parse.GetValue(AbortOnContainerFailure))
        {
            throw new UsageException("--abort-on-container-exit and --abort-on-container-failure cannot be combined");
        }

        if (parse.GetValue(AlwaysRecreateDeps) && parse.GetValue(NoRecreate))
        {
            throw new UsageException("--always-recreate-deps and --no-recreate cannot be combined");
        }

        // Watching goes with the attached output, as docker compose has it since 2.28 (the words are its own).
        if (parse.GetValue(Watch) && (parse.GetValue(Detach) || parse.GetValue(Wait)))
        {
            throw new UsageException($"--{(parse.GetValue(Wait) ? "wait" : "detach")} cannot be combined with --watch");
        }

        var pull = PullValue.Parse(parse.GetValue(Pull));
        PlanFormat.IsJson(invocation);

        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        var scale = ScaleArguments.Parse(parse.GetValue(Scale) ?? []);
        ServiceNames.EnsureKnown(project, scale.Keys);
        var options = new UpOptions
        {
            Wait = parse.GetValue(Wait),
            WaitTimeout = Durations.Seconds(parse.GetValue(WaitTimeout)),
            ForceRecreate = parse.GetValue(ForceRecreate),
            NoRecreate = parse.GetValue(NoRecreate),
            NoDeps = parse.GetValue(NoDeps),
            NoStart = parse.GetValue(NoStart),
            RemoveOrphans = OrphanSwitches.Remove(parse, RemoveOrphans, invocation.Context),
            IgnoreOrphans = OrphanSwitches.Ignore(project, invocation.Context),
            Scale = scale,
            Timeout = Durations.Seconds(parse.GetValue(Timeout)),
            Services = services,
            DryRun = parse.GetValue(GlobalOptions.DryRun),
            Build = parse.GetValue(Build),
            NoBuild = parse.GetValue(NoBuild),
            Pull = pull,
            AlwaysRecreateDeps = parse.GetValue(AlwaysRecreateDeps),
            AssumeYes = parse.GetValue(Yes),
            AllResources = parse.GetValue(GlobalOptions.AllResources),
        };

        var watch = parse.GetValue(Watch) ? WatchSetup.Options(invocation, project, options, prune: false) : null;
        if (watch is not null)
        {
            if (options.DryRun || options.NoStart)
            {
                throw new UsageException("--watch cannot be combined with --dry-run or --no-start");
            }

            WatchService.EnsureWatchable(project, watch);
        }

        options = await VolumePrompt.AskAsync(invocation, session, project, options, cancellationToken);
        var detached = parse.GetValue(Detach) || options.Wait || options.DryRun || options.NoStart;
        var attach = detached ? null : AttachOptionsFor(invocation, project, options) with { Watching = watch is not null };
        var attachSince = DateTimeOffset.UtcNow;
        await session.ReadyAsync();
        using var interrupts = detached ? null : new InterruptWatcher(cancellationToken);
        VerbResult result;
        try
        {
            var orchestration = parse.GetValue(QuietPull) || parse.GetValue(QuietBuild)
                ? session.Orchestration with { Progress = new QuietImageProgress(session.Orchestration.Progress, parse.GetValue(QuietPull), parse.GetValue(QuietBuild)) }
                : session.Orchestration;
            result = await new UpService(orchestration).UpAsync(project, options, cancellationToken);
        }
        catch (OperationCanceledException) when (attach is not null && cancellationToken.IsCancellationRequested)
        {
            // Interrupted while starting: an attached up still owes the user a stopped stack.
            await session.CloseProgressAsync();
            return await new AttachedUp(invocation, session.Engine, project, attach, interrupts!).StopAfterInterruptAsync();
        }

        await session.CloseProgressAsync();
        if (!result.Executed)
        {
            PlanFormat.Write(invocation, result.Plan, project.Name);
        }

        if (watch is not null && result.Executed)
        {
            return await WatchAsync(invocation, session, project, watch, new AttachedUp(invocation, session.Engine, project, attach!, interrupts!), attachSince, cancellationToken);
        }

        if (attach is null || !result.Executed)
        {
            return ExitCodes.Success;
        }

        return await new AttachedUp(invocation, session.Engine, project, attach, interrupts!).RunAsync(attachSince, cancellationToken);
    }

    /// <summary>
    /// up --watch: watching runs beside the attached output until Ctrl-C, which stops watching and the stack as up does.
    /// </summary>
    private static async Task<int> WatchAsync(
        CommandInvocation invocation, EngineSession session, Composer.Model.Project project, WatchOptions watch, AttachedUp attached, DateTimeOffset since, CancellationToken cancellationToken)
    {
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = new WatchService(session.Orchestration).WatchAsync(project, watch, new ConsoleWatchReporter(invocation.Output, quiet: false), watching.Token);
        int exitCode;
        try
        {
            exitCode = await attached.RunAsync(since, cancellationToken);
        }
        finally
        {
            // --abort-on-container-exit ends the output without Ctrl-C: watching ends with it.
            await watching.CancelAsync();
            await watcher;
        }

        return exitCode;
    }

    private static AttachOptions AttachOptionsFor(CommandInvocation invocation, Composer.Model.Project project, UpOptions options)
    {
        var parse = invocation.ParseResult;
        var exitCodeFrom = parse.GetValue(ExitCodeFrom);
        var attachOnly = parse.GetValue(Attach) ?? [];
        var noAttach = parse.GetValue(NoAttach) ?? [];
        ServiceNames.EnsureKnown(project, [.. attachOnly, .. noAttach, .. exitCodeFrom is null ? Array.Empty<string>() : [exitCodeFrom]]);
        // attach: false leaves a service out unless --attach names it.
        IEnumerable<string> attached = attachOnly.Length > 0
            ? attachOnly
            : (options.Services.Count > 0 ? options.Services : project.Services.Keys)
                .Where(name => !project.Services.TryGetValue(name, out var service) || service.Attach != false);
        if (parse.GetValue(AttachDependencies))
        {
            attached = Composer.Model.DependencyGraph.FromServices(project.Services).WithDependencies(attached);
        }

        return new AttachOptions
        {
            // Provider services have no container to attach to.
            AttachedServices = [.. attached.Except(noAttach, StringComparer.Ordinal)
                .Where(name => !project.Services.TryGetValue(name, out var service) || !Composer.Model.ServiceProvider.Is(service))
                .Order(StringComparer.Ordinal)],
            Services = options.Services,
            AbortOnContainerExit = parse.GetValue(AbortOnContainerExit),
            AbortOnContainerFailure = parse.GetValue(AbortOnContainerFailure),
            ExitCodeFrom = exitCodeFrom,
            Prefix = !parse.GetValue(NoLogPrefix),
            Colour = LogColours.Enabled(invocation, parse.GetValue(NoColor)),
            Timestamps = parse.GetValue(Timestamps),
            StopTimeout = options.Timeout,
        };
    }
}
