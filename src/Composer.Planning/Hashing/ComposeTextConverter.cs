using System.Text.Json;
using System.Text.Json.Serialization;

namespace Composer.Planning.Hashing;

/// <summary>
/// Writes a reference of the model (<see cref="Model.NamespaceMode"/>, <see cref="Model.Link"/>,
/// <see cref="Model.VolumesFromSource"/>) as its Compose text, the form the hash has always seen, so that typing
/// these attributes did not change any container's hash.
/// </summary>
internal sealed class ComposeTextConverter<T> : JsonConverter<T>
    where T : class
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("the config hash is only ever written");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
