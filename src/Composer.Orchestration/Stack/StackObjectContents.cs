using System.Text;
using Composer.Model;
using Composer.Model.Swarm;

namespace Composer.Orchestration.Stack;

/// <summary>
/// Reads the data of the secrets and configs a stack's services use, from <c>file</c>, <c>content</c> or
/// <c>environment</c>, before anything is sent: a missing file or variable stops the deploy with one line.
/// </summary>
internal static class StackObjectContents
{
    public static async Task<IReadOnlyDictionary<(SwarmObjectKind Kind, string Key), ReadOnlyMemory<byte>>> ReadAsync(Project project, CancellationToken cancellationToken)
    {
        var contents = new Dictionary<(SwarmObjectKind, string), ReadOnlyMemory<byte>>();
        foreach (var (kind, objects, references) in new[]
                 {
                     (SwarmObjectKind.Secret, project.Secrets, project.Services.Values.SelectMany(service => service.Secrets)),
                     (SwarmObjectKind.Config, project.Configs, project.Services.Values.SelectMany(service => service.Configs)),
                 })
        {
            var noun = kind == SwarmObjectKind.Secret ? "secret" : "config";
            foreach (var key in references.Select(reference => reference.Source).Distinct(StringComparer.Ordinal))
            {
                if (!objects.TryGetValue(key, out var file))
                {
                    throw new StackException($"{noun} \"{key}\" is used by a service but not defined under the top-level {noun}s");
                }

                if (file.External)
                {
                    continue;
                }

                contents[(kind, key)] = await ReadOneAsync(project, file, $"{noun} \"{key}\"", cancellationToken);
            }
        }

        return contents;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadOneAsync(Project project, FileObject file, string what, CancellationToken cancellationToken)
    {
        if (file.Content is { } content)
        {
            return Encoding.UTF8.GetBytes(content);
        }

        if (file.Environment is { } variable)
        {
            return project.Environment.TryGetValue(variable, out var value)
                ? Encoding.UTF8.GetBytes(value)
                : throw new StackException($"{what}: environment variable {variable} is not set");
        }

        if (file.File is { } path)
        {
            try
            {
                return await File.ReadAllBytesAsync(path, cancellationToken);
            }
            catch (Exception problem) when (problem is IOException or UnauthorizedAccessException)
            {
                throw new StackException($"{what}: cannot read {path}: {problem.Message}");
            }
        }

        if (file.Driver is not null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        throw new StackException($"{what} has neither file, content nor environment");
    }
}
