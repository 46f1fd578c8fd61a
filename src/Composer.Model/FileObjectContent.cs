namespace Composer.Model;

/// <summary>What an inline secret or config holds: its <c>content</c>, or the value of its <c>environment</c> variable.</summary>
public static class FileObjectContent
{
    /// <summary>Null for file-based and external objects, and for a variable that is set nowhere.</summary>
    public static string? Inline(Project project, FileObject declared)
    {
        if (declared.Content is not null)
        {
            return declared.Content;
        }

        if (declared.Environment is null)
        {
            return null;
        }

        return project.Environment.TryGetValue(declared.Environment, out var value)
            ? value
            : System.Environment.GetEnvironmentVariable(declared.Environment);
    }
}
