namespace Composer.Model;

/// <summary>One <c>extra_hosts</c> entry; a host with several addresses gives several entries.</summary>
public sealed record ExtraHost(string Host, string Address);
