using Composer.Loader.Limits;

namespace Composer.Loader.Interpolation;

/// <summary>
/// How much substitution may still produce: each value at most <see cref="InputLimits.MaxSubstitutedValueLength"/>
/// characters, and all values together (over one load, or one env file) at most
/// <see cref="InputLimits.MaxSubstitutedTotalLength"/>. Without it, <c>B=$A$A</c>, <c>C=$B$B</c>, ... doubles a value
/// per line, and a thousand references to one large variable copy it a thousand times.
/// </summary>
internal sealed class SubstitutionBudget(long total = InputLimits.MaxSubstitutedTotalLength)
{
    private readonly long _total = total;
    private long _remaining = total;

    /// <summary>The longest the value being substituted may become.</summary>
    public int ValueLimit => (int)Math.Min(InputLimits.MaxSubstitutedValueLength, Math.Max(0, _remaining));

    /// <summary>Why a value that reached <see cref="ValueLimit"/> was refused.</summary>
    public string LimitMessage => _remaining < InputLimits.MaxSubstitutedValueLength
        ? $"substituting variables makes the values grow beyond {_total:N0} characters in total, the most Composer allows"
        : $"substituting variables makes this value longer than {InputLimits.MaxSubstitutedValueLength:N0} characters, the most Composer allows";

    public void Spend(int length) => _remaining -= length;
}
