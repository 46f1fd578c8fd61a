using Composer.Engine.Contracts;
using Composer.Engine.Registry;
using Composer.Model;
using Composer.Orchestration.Observation;

namespace Composer.Orchestration.Images;

/// <summary><c>images</c>: the images the project's containers use, one row per container.</summary>
public sealed class ImagesService(OrchestrationContext context)
{
    public async Task<IReadOnlyList<ImageRow>> ListAsync(string projectName, IReadOnlyList<string> services, CancellationToken cancellationToken)
    {
        var containers = await context.Engine.ListContainersAsync(ProjectObserver.ProjectLabel(projectName), cancellationToken);
        var rows = new List<ImageRow>();
        var details = new Dictionary<string, ImageDetails?>(StringComparer.Ordinal);
        foreach (var container in containers.OrderBy(container => container.Name, StringComparer.Ordinal))
        {
            var service = container.Labels.GetValueOrDefault(ComposeLabels.Service) ?? "";
            if (services.Count > 0 && !services.Contains(service))
            {
                continue;
            }

            if (!details.TryGetValue(container.Image, out var image))
            {
                image = details[container.Image] = await context.Engine.Images.InspectAsync(container.Image, cancellationToken);
            }

            // A container listed by image id (its tag moved on) shows the image's first remaining name.
            var name = container.Image.StartsWith("sha256:", StringComparison.Ordinal) ? image?.RepoTags.FirstOrDefault() : container.Image;
            var reference = name is null ? null : ImageReference.Parse(name);
            rows.Add(new ImageRow(container.Name, service, reference?.Name ?? "<none>", reference?.Tag ?? "<none>",
                image?.Id ?? container.Image, image?.Size ?? 0, image?.Created));
        }

        return rows;
    }
}
