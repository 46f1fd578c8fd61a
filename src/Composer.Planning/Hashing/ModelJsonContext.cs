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
internal sealed partial class ModelJsonContext : JsonSerializerContext;
