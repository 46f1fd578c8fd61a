using Composer.Model;

namespace Composer.Loader.Writing;

/// <summary>Prints a <see cref="CanonicalMap"/> as indented JSON, for <c>config --format json</c>.</summary>
internal static class JsonOutput
{
    public static string Write(CanonicalMap document) => CanonicalJson.Write(document, indented: true, OutputEscaping.Dollars) + "\n";
}
