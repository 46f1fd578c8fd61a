using System.Text.Json.Serialization;
using Composer.Model;

namespace Composer.Planning.Hashing;

/// <summary>
/// Source-generated serialization of the model for the config hash: reflection-based serialization costs about
/// 150 ms of start-up in every command that plans. Extension values are generic trees, so their runtime types are
/// listed too.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = false,
    MaxDepth = MaxDepth,
    Converters = [typeof(ComposeTextConverter<NamespaceMode>), typeof(ComposeTextConverter<Link>), typeof(ComposeTextConverter<VolumesFromSource>)])]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(Network))]
[JsonSerializable(typeof(Composer.Model.Swarm.SwarmServiceSpec))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(List<object?>))]
[JsonSerializable(typeof(object[]))]
[JsonSerializable(typeof(Dictionary<string, object?>))]
[JsonSerializable(typeof(SortedDictionary<string, object?>))]
[JsonSerializable(typeof(IReadOnlyList<object?>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, object?>))]
internal sealed partial class ModelJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Extension values (<c>x-*</c>) may nest as deep as the loader allows (256 levels, plus the service around them);
    /// System.Text.Json's default of 64 made the hash of such a service fail with a .NET message.
    /// </summary>
    public const int MaxDepth = 1024;
}
