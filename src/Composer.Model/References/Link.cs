namespace Composer.Model;

/// <summary>
/// One entry of <c>links</c> (<see cref="Name"/> is a service) or <c>external_links</c> (a container):
/// <c>NAME[:ALIAS]</c>. <see cref="ToString"/> gives the Compose text back.
/// </summary>
public sealed record Link(string Name, string? Alias = null)
{
    /// <summary>The host name the link gives: the alias, else the name.</summary>
    public string HostName => Alias ?? Name;

    public static Link Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? new(text) : new(text[..colon], text[(colon + 1)..]);
    }

    public static implicit operator Link(string text) => Parse(text);

    public override string ToString() => Alias is null ? Name : $"{Name}:{Alias}";
}
