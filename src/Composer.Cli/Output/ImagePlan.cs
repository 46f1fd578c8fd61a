using Composer.Planning.Plans;

namespace Composer.Cli.Output;

/// <summary>The dry-run plan of build, pull and push: one independent image step per image.</summary>
internal static class ImagePlan
{
    public static Plan Of(IReadOnlyList<(string Service, string Image)> steps, OperationKind kind) => new()
    {
        Operations = [.. steps.Select((step, index) => new Operation { Id = index + 1, Kind = kind, Target = step.Image, Service = step.Service })],
    };
}
