using System.Text.Json.Serialization;
using Composer.Model.Swarm;

namespace Composer.Planning.Stack;

/// <summary>Source-generated JSON for the spec hash (native AOT has no reflection); extension values are generic trees.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(SwarmServiceSpec))]
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
internal sealed partial class StackJsonContext : JsonSerializerContext;
