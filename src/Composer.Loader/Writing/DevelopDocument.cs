using Composer.Model;

namespace Composer.Loader.Writing;

/// <summary><c>develop</c> in canonical form: watch rules with absolute paths, hooks with their command as a list.</summary>
internal static class DevelopDocument
{
    public static OutputMap? Build(Develop? develop) => develop is null
        ? null
        : new OutputMap()
            .Add("watch", develop.Watch.Select(Rule).ToList())
            .AddExtensions(develop.Extensions);

    public static OutputMap? Hook(ServiceHook? hook) => hook is null
        ? null
        : new OutputMap()
            .Add("command", OutputMap.List(hook.Command))
            .Add("user", hook.User)
            .AddTrue("privileged", hook.Privileged)
            .Add("working_dir", hook.WorkingDir)
            .Add("environment", OutputMap.Strings(hook.Environment))
            .AddExtensions(hook.Extensions);

    private static OutputMap Rule(WatchRule rule) => new OutputMap()
        .Add("path", rule.Path)
        .Add("action", rule.Action)
        .Add("target", rule.Target)
        .Add("ignore", OutputMap.List(rule.Ignore))
        .Add("include", OutputMap.List(rule.Include))
        .AddTrue("initial_sync", rule.InitialSync)
        .Add("exec", Hook(rule.Exec))
        .AddExtensions(rule.Extensions);
}
