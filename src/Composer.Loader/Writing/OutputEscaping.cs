namespace Composer.Loader.Writing;

internal static class OutputEscaping
{
    /// <summary>
    /// Values in the model are final text, but whatever loads the output interpolates it again: a literal <c>$</c>
    /// must be written as <c>$$</c> so that the output loads to the same model (docker compose config does the same).
    /// Keys are never interpolated, so only values go through here.
    /// </summary>
    public static string Dollars(string value) => value.Contains('$', StringComparison.Ordinal) ? value.Replace("$", "$$", StringComparison.Ordinal) : value;
}
