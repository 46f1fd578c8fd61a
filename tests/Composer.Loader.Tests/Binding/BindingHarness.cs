using Composer.Loader.Binding;
using Composer.Loader.Diagnostics;
using Composer.Loader.Writing;
using Composer.Model;
using Xunit;

namespace Composer.Loader.Tests.Binding;

/// <summary>Loads inline YAML through the binder and checks the YAML -> model -> YAML -> model round trip.</summary>
internal static class BindingHarness
{
    public const string ProjectName = "demo";
    public const string WorkingDirectory = "/work/project";
    public const string Home = "/home/tester";

    public static BindContext Context { get; } = new(
        ProjectName,
        WorkingDirectory,
        [WorkingDirectory + "/compose.yaml"],
        new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = Home });

    /// <summary>Binds and asserts that there were no errors.</summary>
    public static Project Load(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var project = ProjectBinder.Bind(TestTrees.Parse(yaml), Context, diagnostics);
        var errors = diagnostics.Items.Where(item => item.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        return project;
    }

    /// <summary>Binds and returns the diagnostics, for tests of what bad input reports.</summary>
    public static IReadOnlyList<Diagnostic> Diagnose(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        ProjectBinder.Bind(TestTrees.Parse(yaml), Context, diagnostics);
        return diagnostics.Items;
    }

    /// <summary>The service <c>web</c> of a one-service project.</summary>
    public static Service Web(string serviceYaml) => Load(Services(serviceYaml)).Services["web"];

    /// <summary>Wraps indented service attributes into <c>services: web:</c>.</summary>
    public static string Services(string serviceYaml) =>
        "services:\n  web:\n" + string.Join('\n', serviceYaml.Trim('\n').Split('\n').Select(line => "    " + line)) + "\n";

    /// <summary>Writes the project, loads the output again and checks that it writes the same text; returns the text.</summary>
    public static string RoundTrip(Project project)
    {
        var yaml = ProjectWriter.ToYaml(project);
        var reloaded = Load(yaml);
        Assert.Equal(yaml, ProjectWriter.ToYaml(reloaded));
        return yaml;
    }

    /// <summary>
    /// Round-trips a one-service project and returns the canonical YAML of one attribute of <c>web</c>, unindented,
    /// so that goldens show only what the test is about.
    /// </summary>
    public static string WebAttributeYaml(string serviceYaml, string attribute)
    {
        var yaml = RoundTrip(Load(Services(serviceYaml)));
        var lines = yaml.Split('\n');
        var webStart = Array.IndexOf(lines, "  web:");
        var start = Array.FindIndex(lines, webStart + 1, line => line.StartsWith("    " + attribute + ":", StringComparison.Ordinal));
        Assert.True(start > 0, $"{attribute} not found in:\n{yaml}");
        var block = lines.Skip(start + 1).TakeWhile(line => line.StartsWith("      ", StringComparison.Ordinal)).Prepend(lines[start]);
        return string.Join('\n', block.Select(line => line[4..])) + "\n";
    }
}
