namespace Composer.Orchestration.Images;

/// <summary>A service and the image name it runs.</summary>
public sealed record ServiceImage(string Service, string Image);
