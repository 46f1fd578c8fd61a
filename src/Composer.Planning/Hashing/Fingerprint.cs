using System.Security.Cryptography;
using System.Text;

namespace Composer.Planning.Hashing;

/// <summary>SHA-256 of a canonical text, as lower-case hex: the value of every config-hash label.</summary>
internal static class Fingerprint
{
    public static string Of(string canonicalText) => Of(Encoding.UTF8.GetBytes(canonicalText));

    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
