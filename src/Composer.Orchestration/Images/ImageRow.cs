namespace Composer.Orchestration.Images;

/// <summary>One line of <c>images</c>: a container of the project and the image it runs.</summary>
public sealed record ImageRow(string Container, string Service, string Repository, string Tag, string Id, long Size, DateTimeOffset? Created);
