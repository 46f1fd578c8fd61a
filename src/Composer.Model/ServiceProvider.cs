using System.Globalization;

namespace Composer.Model;

/// <summary>
/// A service's <c>provider</c>: an external tool (<see cref="Type"/>) that sets up the resource the service stands
/// for, instead of a container. The binder keeps the attribute among <see cref="Service.Other"/> as generic values;
/// this is its typed view. <see cref="Options"/> are sorted by key (a list value gives one entry per item, in order)
/// so that the tool's command line never depends on dictionary order.
/// </summary>
public sealed record ServiceProvider(string Type, IReadOnlyList<KeyValuePair<string, string>> Options)
{
    public const string Attribute = "provider";

    /// <summary>The service's provider; null for a service run as containers (or a provider without a type).</summary>
    public static ServiceProvider? Of(Service service)
    {
        if (!service.Other.Values.TryGetValue(Attribute, out var value)
            || value is not IReadOnlyDictionary<string, object?> settings
            || !settings.TryGetValue("type", out var type) || type is null)
        {
            return null;
        }

        var options = new List<KeyValuePair<string, string>>();
        if (settings.TryGetValue("options", out var optionValues) && optionValues is IReadOnlyDictionary<string, object?> byKey)
        {
            foreach (var (key, option) in byKey.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                var items = option is IReadOnlyList<object?> list ? list : [option];
                options.AddRange(items.Select(item => KeyValuePair.Create(key, Text(item))));
            }
        }

        return new ServiceProvider(Text(type), options);
    }

    /// <summary>Whether the service has a <c>provider</c> (with or without a usable type): it never runs containers.</summary>
    public static bool Is(Service service) => service.Other.Values.ContainsKey(Attribute);

    // Scalars as the YAML wrote them: true/false, integers and numbers in invariant form.
    private static string Text(object? value) => value switch
    {
        null => "",
        bool flag => flag ? "true" : "false",
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
