using Composer.Model;

namespace Composer.Loader.Writing;

/// <summary>
/// Prints a loaded project in canonical long form (the output of <c>composer config</c>). The YAML loads back to the
/// same model: durations are Go-style strings, byte sizes integers, ports and volumes in long syntax.
/// </summary>
public static class ProjectWriter
{
    public static string ToYaml(Project project) => YamlOutput.Write(CanonicalProject.Build(project));

    public static string ToJson(Project project) => JsonOutput.Write(CanonicalProject.Build(project));
}
