using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Composer.Planning.Plans;

/// <summary>
/// A plan as one JSON document for tools (<c>--dry-run --format json</c>). The shape is documented in the README and
/// pinned by golden tests: every operation has <c>id</c>, <c>kind</c>, <c>target</c> (<c>type</c>, <c>name</c> and
/// what else identifies it), <c>cause</c> (null when none) and <c>waits_for</c> (ids); fields that only some kinds
/// have appear only on those. Written by hand with <see cref="Utf8JsonWriter"/>: no reflection (native AOT) and a
/// field order that never depends on a serializer.
/// </summary>
public static class PlanJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="project">The project's name.</param>
    /// <param name="command">The verb that made the plan (up, down, scale...).</param>
    public static string Write(Plan plan, string project, string command)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("project", project);
            json.WriteString("command", command);
            json.WriteStartArray("operations");
            foreach (var operation in plan.Operations)
            {
                WriteOperation(json, operation);
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in plan.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).ReplaceLineEndings("\n");
    }

    /// <summary>What an operation acts on: container, network, volume, image or (a wait's) service.</summary>
    public static string TargetType(OperationKind kind) => kind switch
    {
        OperationKind.CreateNetwork or OperationKind.RemoveNetwork => "network",
        OperationKind.CreateVolume or OperationKind.RemoveVolume => "volume",
        OperationKind.RemoveImage or OperationKind.PullImage or OperationKind.BuildImage or OperationKind.PushImage => "image",
        OperationKind.WaitForDependency or OperationKind.ProviderUp or OperationKind.ProviderDown => "service",
        _ => "container",
    };

    private static void WriteOperation(Utf8JsonWriter json, Operation operation)
    {
        json.WriteStartObject();
        json.WriteNumber("id", operation.Id);
        json.WriteString("kind", operation.Kind.ToString());
        WriteTarget(json, operation);
        if (operation.Cause is null)
        {
            json.WriteNull("cause");
        }
        else
        {
            json.WriteString("cause", operation.Cause);
        }

        json.WriteStartArray("waits_for");
        foreach (var dependency in operation.DependsOn.Order())
        {
            json.WriteNumberValue(dependency);
        }

        json.WriteEndArray();
        WriteKindFields(json, operation);
        json.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter json, Operation operation)
    {
        var type = TargetType(operation.Kind);
        json.WriteStartObject("target");
        json.WriteString("type", type);
        json.WriteString("name", operation.Target);
        switch (type)
        {
            case "container":
                if (operation.ContainerId is { } id)
                {
                    json.WriteString("id", id);
                }

                if (operation.Service is { } service)
                {
                    json.WriteString("service", service);
                }

                if (operation.Number is { } number)
                {
                    json.WriteNumber("number", number);
                }

                break;
            case "network" or "volume" when operation.ResourceKey is { } key:
                json.WriteString("key", key);
                break;
            case "image" when operation.Service is { } imageService:
                json.WriteString("service", imageService);
                break;
        }

        json.WriteEndObject();
    }

    private static void WriteKindFields(Utf8JsonWriter json, Operation operation)
    {
        if (operation.RecreateOf is { } recreated)
        {
            json.WriteString("recreate_of", recreated);
        }

        switch (operation.Kind)
        {
            case OperationKind.RenameContainer:
                json.WriteString("new_name", operation.NewName);
                break;
            case OperationKind.WaitForDependency:
                json.WriteString("condition", operation.Condition ?? "service_started");
                json.WriteBoolean("required", operation.Required);
                break;
            case OperationKind.StopContainer when operation.Timeout is { } timeout:
                json.WriteNumber("timeout_seconds", timeout.TotalSeconds);
                break;
            case OperationKind.RemoveContainer when operation.RemoveVolumes:
                json.WriteBoolean("remove_volumes", true);
                break;
            case OperationKind.KillContainer:
                json.WriteString("signal", operation.Signal ?? "SIGKILL");
                break;
            case OperationKind.ProviderUp or OperationKind.ProviderDown:
                json.WriteString("provider", operation.ProviderType);
                break;
        }
    }
}
