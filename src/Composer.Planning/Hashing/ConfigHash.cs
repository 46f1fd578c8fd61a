using Composer.Model;

namespace Composer.Planning.Hashing;

/// <summary>
/// Fingerprint of the parts of a service that end up in its containers: the SHA-256 of the compact JSON of the same
/// spec-named canonical form <c>config</c> prints (<see cref="CanonicalService"/>), so that what a user reads is what
/// is compared. Left out, because changing them must not recreate running containers: <c>scale</c>,
/// <c>deploy.replicas</c>, <c>depends_on</c>, <c>profiles</c>, <c>build</c>, <c>pull_policy</c>, <c>develop</c> (watch
/// rules) and every <c>x-*</c> key. Added: for each secret and config the service uses, its definition and the SHA-256 of what it holds (inline
/// <c>content</c>, the <c>environment</c> variable's value, or the file's bytes), so that changing the content
/// recreates the containers that read it. Golden-hash tests pin the result: a change here recreates every user's
/// containers on upgrade.
/// </summary>
public static class ConfigHash
{
    /// <summary>The keys of the service's canonical form that never count.</summary>
    private static readonly string[] LeftOut = ["scale", "depends_on", "profiles", "build", "pull_policy", "develop"];

    public static string Compute(Project project, Service service) => Fingerprint.Of(CanonicalText(project, service));

    /// <summary>The compact canonical JSON that is hashed (keys sorted, no white space).</summary>
    public static string CanonicalText(Project project, Service service) => CanonicalJson.Write(HashedForm(project, service));

    /// <summary>The canonical service form with what does not count left out and the secret/config contents added.</summary>
    public static CanonicalMap HashedForm(Project project, Service service)
    {
        var form = CanonicalService.Build(service).Without(LeftOut);
        if (form["deploy"] is CanonicalMap deploy)
        {
            form = form.Without("deploy").Add("deploy", deploy.Without("replicas"));
        }

        return form
            .Add("secret_sources", Sources(service.Secrets, project.Secrets, project))
            .Add("config_sources", Sources(service.Configs, project.Configs, project));
    }

    // The definition of each secret or config used, with the digest of its content in place of the content itself:
    // the canonical form is also stored on the container, and a secret must never be.
    private static CanonicalMap Sources(IReadOnlyList<FileReference> references, IReadOnlyDictionary<string, FileObject> declared, Project project)
    {
        var map = new CanonicalMap();
        foreach (var source in references.Select(reference => reference.Source).Distinct(StringComparer.Ordinal))
        {
            if (declared.TryGetValue(source, out var definition))
            {
                map.Add(source, CanonicalProject.FileObject(definition with { Content = null })
                    .Without()
                    .Add("content_sha256", ContentDigest(project, definition)));
            }
        }

        return map;
    }

    private static string? ContentDigest(Project project, FileObject definition)
    {
        if (definition.External)
        {
            return null;
        }

        if (definition.File is { } path)
        {
            // A missing or unreadable file is reported when the container is created; here it only has to differ.
            try
            {
                return File.Exists(path) ? Fingerprint.Of(File.ReadAllBytes(path)) : "missing";
            }
            catch (IOException)
            {
                return "unreadable";
            }
            catch (UnauthorizedAccessException)
            {
                return "unreadable";
            }
        }

        return FileObjectContent.Inline(project, definition) is { } content ? Fingerprint.Of(content) : null;
    }
}
