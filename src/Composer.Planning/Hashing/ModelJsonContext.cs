using System.Text.Json.Serialization;

namespace Composer.Planning.Hashing;

/// <summary>
/// Source-generated serialization (no reflection, so native AOT works) of the swarm service spec that
/// <see cref="Stack.StackSpecHash"/> fingerprints. Services, networks and volumes of a single engine are hashed from
/// the canonical form instead (<see cref="ConfigHash"/>).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(Composer.Model.Swarm.SwarmServiceSpec))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
