namespace Composer.Planning;

/// <summary>An image a service needs first: pulled (<see cref="Build"/> false) or built, under the name <see cref="Image"/>.</summary>
public sealed record ImageStep(string Service, string Image, bool Build);
