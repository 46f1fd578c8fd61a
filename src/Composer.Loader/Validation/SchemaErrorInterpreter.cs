using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Composer.Loader.Validation;

/// <summary>
/// Turns NJsonSchema's error tree into the few causes a user can act on. Wrappers (an invalid list item, an invalid
/// pattern property, allOf) are opened up; for alternatives (anyOf, oneOf) the branch whose type matches the value is
/// explained, because that is the form the user was writing; when no branch accepts the value's type, the message
/// names the types that would have been accepted.
/// </summary>
internal static class SchemaErrorInterpreter
{
    /// <summary>The pattern the schema gives to names of services, networks, volumes, configs, secrets and models.</summary>
    private const string ResourceNamePattern = "^[a-zA-Z0-9._-]+$";

    private static readonly HashSet<ValidationErrorKind> TypeMismatchKinds =
    [
        ValidationErrorKind.StringExpected,
        ValidationErrorKind.NumberExpected,
        ValidationErrorKind.IntegerExpected,
        ValidationErrorKind.BooleanExpected,
        ValidationErrorKind.ObjectExpected,
        ValidationErrorKind.ArrayExpected,
        ValidationErrorKind.NullExpected,
        ValidationErrorKind.NoTypeValidates,
    ];

    public static IReadOnlyList<SchemaFinding> Explain(IEnumerable<ValidationError> errors)
    {
        var findings = new List<SchemaFinding>();
        foreach (var error in errors)
        {
            Explain(error, findings);
        }

        return findings;
    }

    private static void Explain(ValidationError error, List<SchemaFinding> findings)
    {
        switch (error)
        {
            case MultiTypeValidationError multiType:
                findings.Add(new SchemaFinding(error.Token, TypeMessage(ExpectedTypes.Of(multiType.Schema))));
                break;
            case ChildSchemaValidationError { Kind: ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf } alternatives:
                ExplainAlternatives(alternatives, findings);
                break;
            case ChildSchemaValidationError wrapper:
                foreach (var childError in wrapper.Errors.Values.SelectMany(list => list))
                {
                    Explain(childError, findings);
                }

                break;
            default:
                findings.Add(new SchemaFinding(error.Token, Describe(error)));
                break;
        }
    }

    private static void ExplainAlternatives(ChildSchemaValidationError alternatives, List<SchemaFinding> findings)
    {
        var branches = alternatives.Errors;
        if (branches.Count(branch => branch.Value.Count == 0) > 1)
        {
            findings.Add(new SchemaFinding(alternatives.Token, "matches more than one of the allowed forms"));
            return;
        }

        var intended = branches
            .Where(branch => branch.Value.Count > 0 && !RejectsType(branch.Value, alternatives.Token))
            .OrderBy(branch => CountLeaves(branch.Value))
            .Select(branch => branch.Value)
            .FirstOrDefault();

        if (intended is null)
        {
            var accepted = branches.Keys.Aggregate(JsonObjectType.None, (types, schema) => types | ExpectedTypes.Of(schema));
            findings.Add(new SchemaFinding(alternatives.Token, TypeMessage(accepted)));
            return;
        }

        foreach (var error in intended)
        {
            Explain(error, findings);
        }
    }

    /// <summary>True when a branch refused the value for its kind (a string where a mapping was needed, ...).</summary>
    private static bool RejectsType(ICollection<ValidationError> branchErrors, JToken? token) =>
        branchErrors.Any(error => IsTypeRejection(error, token));

    private static bool IsTypeRejection(ValidationError error, JToken? token)
    {
        if (!ReferenceEquals(error.Token, token))
        {
            return false;
        }

        if (TypeMismatchKinds.Contains(error.Kind))
        {
            return true;
        }

        return error is ChildSchemaValidationError { Kind: ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf } nested
            && nested.Errors.Values.All(list => list.Count > 0 && RejectsType(list, token));
    }

    /// <summary>How many findings a list of errors would give: the smaller the count, the closer the user was.</summary>
    private static int CountLeaves(IEnumerable<ValidationError> errors) =>
        errors.Sum(error => error switch
        {
            MultiTypeValidationError => 1,
            ChildSchemaValidationError { Kind: ValidationErrorKind.NotAnyOf or ValidationErrorKind.NotOneOf } alternatives =>
                alternatives.Errors.Values.Where(list => list.Count > 0).Select(CountLeaves).DefaultIfEmpty(1).Min(),
            ChildSchemaValidationError wrapper => CountLeaves(wrapper.Errors.Values.SelectMany(list => list)),
            _ => 1,
        });

    private static string TypeMessage(JsonObjectType types) => ExpectedTypes.Describe(types) ?? "has a type that is not allowed here";

    private static string Describe(ValidationError error)
    {
        var schema = error.Schema;
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => DescribeUnexpectedKey(error),
            ValidationErrorKind.PropertyRequired => $"missing required property '{error.Property}'",
            ValidationErrorKind.NotInEnumeration => "must be one of: " + string.Join(", ", schema.Enumeration.Select(value => value?.ToString() ?? "null")),
            ValidationErrorKind.PatternMismatch => $"does not match the pattern {schema.Pattern}",
            ValidationErrorKind.StringTooShort => $"must be at least {schema.MinLength} characters long",
            ValidationErrorKind.StringTooLong => $"must be at most {schema.MaxLength} characters long",
            ValidationErrorKind.NumberTooSmall => "is too small",
            ValidationErrorKind.NumberTooBig => "is too big",
            ValidationErrorKind.TooFewItems => $"must have at least {schema.MinItems} items",
            ValidationErrorKind.TooManyItems => $"must have at most {schema.MaxItems} items",
            ValidationErrorKind.ItemsNotUnique => "must not repeat an item",
            ValidationErrorKind.TooFewProperties => $"must have at least {schema.MinProperties} entries",
            ValidationErrorKind.TooManyProperties => $"must have at most {schema.MaxProperties} entries",
            ValidationErrorKind.ExcludedSchemaValidates => "is not allowed here",
            _ when TypeMismatchKinds.Contains(error.Kind) => TypeMessage(ExpectedTypes.Of(schema)),
            _ => "is not valid: " + Humanize(error.Kind),
        };
    }

    /// <summary>
    /// A key the mapping does not accept. In a mapping of user-chosen names (services, networks, ulimits, ...) the key
    /// is a badly formed name rather than an unknown attribute, and the message says which names are allowed.
    /// </summary>
    private static string DescribeUnexpectedKey(ValidationError error)
    {
        var namePattern = error.Schema.Properties.Count == 0
            ? error.Schema.PatternProperties.Keys.FirstOrDefault(pattern => pattern != "^x-")
            : null;

        return namePattern switch
        {
            null => $"additional property '{error.Property}' is not allowed",
            ResourceNamePattern => $"invalid name '{error.Property}': use only letters, digits, '.', '_' and '-'",
            _ => $"invalid name '{error.Property}': it must match {namePattern}",
        };
    }

    private static string Humanize(ValidationErrorKind kind)
    {
        var name = kind.ToString();
        var words = new System.Text.StringBuilder();
        foreach (var character in name)
        {
            if (char.IsUpper(character) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLower(character, CultureInfo.InvariantCulture));
        }

        return words.ToString();
    }
}
