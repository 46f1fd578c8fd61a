namespace Composer.Model;

/// <summary><c>develop</c> in canonical form: watch rules with absolute paths, hooks with their command as a list.</summary>
public static class CanonicalDevelop
{
    public static CanonicalMap? Build(Develop? develop) => develop is null
        ? null
        : new CanonicalMap()
            .Add("watch", develop.Watch.Select(Rule).ToList())
            .AddExtensions(develop.Extensions);

    public static CanonicalMap? Hook(ServiceHook? hook) => hook is null
        ? null
        : new CanonicalMap()
            .Add("command", CanonicalMap.List(hook.Command))
            .Add("user", hook.User)
            .AddTrue("privileged", hook.Privileged)
            .Add("working_dir", hook.WorkingDir)
            .Add("environment", CanonicalMap.Strings(hook.Environment))
            .AddExtensions(hook.Extensions);

    private static CanonicalMap Rule(WatchRule rule) => new CanonicalMap()
        .Add("path", rule.Path)
        .Add("action", rule.Action)
        .Add("target", rule.Target)
        .Add("ignore", CanonicalMap.List(rule.Ignore))
        .Add("include", CanonicalMap.List(rule.Include))
        .AddTrue("initial_sync", rule.InitialSync)
        .Add("exec", Hook(rule.Exec))
        .AddExtensions(rule.Extensions);
}
