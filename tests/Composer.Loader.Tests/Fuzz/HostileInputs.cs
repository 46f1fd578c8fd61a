using System.Text;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Fuzz;

/// <summary>
/// Generates hostile inputs, each one fully determined by its number (case N is the same on every run, so a failure
/// is reproduced by its number): real compose files (the conformance corpus) damaged by byte flips, cuts,
/// truncation, tabs, control characters and odd Unicode; and made-up attacks: deep nesting, huge scalars, alias
/// bombs, interpolation bombs, long extends and depends_on chains, hostile .env files, raw garbage.
/// </summary>
internal sealed class HostileInputs
{
    private const int Kinds = 20;

    private static readonly string[] Tokens =
    [
        ":", ": ", "- ", "{", "}", "[", "]", ",", "&a ", "*a", "<<: *a", "!reset ", "!override ", "!!str ", "!!binary ", "? ", "|", ">-",
        "'", "\"", "#", "%YAML 1.2\n", "---\n", "...\n", "\t", "\r", "\r\n", "\n", "$", "${", "}", "$$", "${A:-${B}}", "${X:?}", "\\",
        "\u0000", "\u0001", "\u001b[31m", "\u007f", "\u0085", "\u00a0", "\u2028", "\u2029", "\u200b", "\u202e", "\ufeff", "\uff1a", "\ud800",
        "\udc00", "\U0001F600", "e\u0301", "ǅ", "İ", "ß", "\ufffd", "0x", "1e999", "-0", ".nan", "~", "null", "<<", "extends: ", "include: ",
    ];

    private static readonly string[] BuiltIn =
    [
        "name: demo\nservices:\n  web:\n    image: \"nginx:${TAG:-latest}\"\n    ports:\n      - \"8080:80\"\n    environment:\n      - A=1\n      - B=${B:-2}\n    depends_on: [db]\n    labels:\n      a: b\n  db:\n    image: postgres\n    volumes: [\"data:/var/lib/postgresql/data\"]\nvolumes:\n  data: {}\n",
        "x-base: &base\n  restart: always\n  labels: {a: b}\nservices:\n  api:\n    <<: *base\n    image: api\n    command: [\"run\", \"$${HOME}\"]\n  worker:\n    extends: api\n    entrypoint: /bin/sh\n    profiles: [jobs]\n",
    ];

    private readonly IReadOnlyList<string> _seeds;

    /// <param name="seeds">Real compose texts to damage (the conformance corpus); built-in ones are added.</param>
    public HostileInputs(IEnumerable<string> seeds)
    {
        _seeds = [.. BuiltIn, .. seeds.Where(text => text.Length is > 0 and < 64 << 10)];
    }

    /// <summary>Reads every file of a folder (the conformance corpus) as a seed.</summary>
    public static HostileInputs FromFolder(string folder) =>
        new(Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText)
            : []);

    public FuzzCase Case(long number)
    {
        var random = new Random((int)(number ^ (number >> 32)) * 16777619 + 7);
        var kind = (int)(number % Kinds);
        return kind switch
        {
            < 8 => Text(number, "mutated", Mutate(Seed(random), random)),
            8 => Bytes(number, "byte-flips", FlipBytes(Encoding.UTF8.GetBytes(Seed(random)), random)),
            9 => Bytes(number, "truncated", Truncate(Encoding.UTF8.GetBytes(Seed(random)), random)),
            10 => Text(number, "deep-nesting", DeepNesting(random)),
            11 => Text(number, "huge-scalar", HugeScalar(random)),
            12 => Text(number, "alias-bomb", AliasBomb(random)),
            13 => Text(number, "tabs", Tabs(Seed(random), random)),
            14 => Text(number, "odd-characters", OddCharacters(Seed(random), random)),
            15 => InterpolationBomb(number, random),
            16 => Text(number, "chains", Chains(random)),
            17 => new FuzzCase(number, "override", Encoding.UTF8.GetBytes(Seed(random)), Encoding.UTF8.GetBytes(Mutate(Seed(random), random)), null),
            18 => HostileDotEnv(number, random),
            _ => Bytes(number, "garbage", Garbage(random)),
        };
    }

    private static FuzzCase Text(long number, string kind, string text) => new(number, kind, Encoding.UTF8.GetBytes(text), null, null);

    private static FuzzCase Bytes(long number, string kind, byte[] bytes) => new(number, kind, bytes, null, null);

    private string Seed(Random random) => _seeds[random.Next(_seeds.Count)];

    private static string Mutate(string text, Random random)
    {
        var builder = new StringBuilder(text);
        var operations = random.Next(1, 9);
        for (var step = 0; step < operations && builder.Length > 0; step++)
        {
            var position = random.Next(builder.Length);
            switch (random.Next(7))
            {
                case 0:
                    builder.Remove(position, Math.Min(builder.Length - position, random.Next(1, 40)));
                    break;
                case 1:
                    var length = Math.Min(builder.Length - position, random.Next(1, 200));
                    builder.Insert(position, builder.ToString(position, length));
                    break;
                case 2:
                    builder.Insert(position, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 3:
                    builder[position] = Tokens[random.Next(Tokens.Length)][0];
                    break;
                default:
                    var mutated = ComposeTextMutator.Mutate(builder.ToString(), [(uint)random.Next() ^ ((uint)random.Next(4) << 30)]);
                    builder.Clear().Append(mutated);
                    break;
            }
        }

        return builder.ToString();
    }

    private static byte[] FlipBytes(byte[] bytes, Random random)
    {
        var flips = random.Next(1, 12);
        for (var flip = 0; flip < flips && bytes.Length > 0; flip++)
        {
            var index = random.Next(bytes.Length);
            bytes[index] = random.Next(3) switch
            {
                0 => (byte)(bytes[index] ^ (1 << random.Next(8))),
                1 => (byte)random.Next(256),
                _ => (byte)" :-{}[]\t\n\"'&*!#|>"[random.Next(17)],
            };
        }

        return bytes;
    }

    private static byte[] Truncate(byte[] bytes, Random random) => bytes[..random.Next(bytes.Length + 1)];

    /// <summary>Collections nested around and beyond the limit, flow or block, in the places a compose file allows them.</summary>
    private static string DeepNesting(Random random)
    {
        var depth = random.Next(4) switch
        {
            0 => random.Next(240, 270),
            1 => random.Next(1, 256),
            2 => random.Next(1000, 30000),
            _ => random.Next(256, 1000),
        };
        var body = random.Next(5) switch
        {
            0 => new string('[', depth) + new string(']', depth),
            1 => string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth),
            2 => string.Concat(Enumerable.Range(0, depth).Select(level => level % 2 == 0 ? "[" : "{k: ")) +
                 string.Concat(Enumerable.Range(0, depth).Reverse().Select(level => level % 2 == 0 ? "]" : "}")),
            3 => new string('[', depth),
            _ => BlockNesting(Math.Min(depth, 3000), random.Next(2) == 0),
        };
        var place = random.Next(4);
        return place switch
        {
            0 => "x-deep: " + body + "\nservices:\n  web:\n    image: x\n",
            1 => "services:\n  web:\n    image: x\n    x-deep: " + body + "\n",
            2 => "services:\n  web:\n    image: x\n    labels: " + body + "\n",
            _ => "services: " + body + "\n",
        };
    }

    private static string BlockNesting(int depth, bool sequences)
    {
        var builder = new StringBuilder("\n");
        for (var level = 0; level < depth; level++)
        {
            builder.Append(' ', level + 2).Append(sequences ? "-\n" : "k:\n");
        }

        return builder.Append(' ', depth + 2).Append("leaf").ToString();
    }

    private static string HugeScalar(Random random)
    {
        // Mostly cheap sizes; one in twenty goes past the one-value substitution limit (1 Mi characters).
        var size = random.Next(20) switch { < 14 => random.Next(1, 4096), < 19 => random.Next(4096, 256 << 10), _ => random.Next(1 << 20, 3 << 20) };
        var filler = new string((char)random.Next('a', 'z' + 1), size);
        return random.Next(6) switch
        {
            0 => $"services:\n  web:\n    image: {filler}\n",
            1 => $"services:\n  web:\n    image: \"{filler}\"\n",
            2 => $"services:\n  web:\n    image: x\n    command: |\n      {filler}\n",
            3 => $"services:\n  {filler}:\n    image: x\n",
            4 => "services:\n  web:\n    image: x\n    labels:\n" + string.Concat(Enumerable.Range(0, Math.Min(size / 16, 20_000)).Select(index => $"      l{index}: v\n")),
            _ => $"services:\n  web:\n    image: x\n    environment:\n      A: \"{string.Concat(Enumerable.Repeat("${TAG}", size / 6))}\"\n",
        };
    }

    /// <summary>Billion laughs: each level refers to the previous one several times.</summary>
    private static string AliasBomb(Random random)
    {
        var levels = random.Next(2, 40);
        var fanOut = random.Next(2, 12);
        var flow = random.Next(2) == 0;
        var builder = new StringBuilder("x-a0: &a0 [lol]\n");
        for (var level = 1; level < levels; level++)
        {
            var references = string.Join(", ", Enumerable.Repeat($"*a{level - 1}", fanOut));
            builder.Append(flow ? $"x-a{level}: &a{level} [{references}]\n" : $"x-a{level}: &a{level}\n  k: [{references}]\n  <<: {{m: *a{level - 1}}}\n");
        }

        var last = $"*a{levels - 1}";
        return builder.Append(random.Next(3) switch
        {
            0 => $"services:\n  web:\n    image: x\n    x-bomb: {last}\n",
            1 => $"services:\n  web:\n    image: x\n    command: {last}\n",
            _ => $"services:\n  web: &w\n    image: x\n    labels: {{a: *w}}\n",
        }).ToString();
    }

    private static string Tabs(string text, Random random)
    {
        var lines = text.Split('\n');
        var changes = random.Next(1, 4);
        for (var change = 0; change < changes; change++)
        {
            var index = random.Next(lines.Length);
            var line = lines[index];
            var indentation = line.Length - line.TrimStart(' ').Length;
            lines[index] = random.Next(3) switch
            {
                0 => new string('\t', Math.Max(1, indentation / 2)) + line.TrimStart(' '),
                1 => line.Insert(random.Next(indentation + 1), "\t"),
                _ => line.Replace(": ", ":\t", StringComparison.Ordinal),
            };
        }

        return string.Join('\n', lines);
    }

    private static string OddCharacters(string text, Random random)
    {
        var builder = new StringBuilder(random.Next(4) == 0 ? "\ufeff" : string.Empty).Append(text);
        var insertions = random.Next(1, 10);
        for (var insertion = 0; insertion < insertions; insertion++)
        {
            var character = random.Next(3) switch
            {
                0 => ((char)random.Next(0, 0x20)).ToString(),
                1 => Tokens[random.Next(Tokens.Length)],
                _ => char.ConvertFromUtf32(random.Next(2) == 0 ? random.Next(0x80, 0xD800) : random.Next(0xE000, 0x110000)),
            };
            builder.Insert(random.Next(builder.Length + 1), character);
        }

        return builder.ToString();
    }

    private static FuzzCase InterpolationBomb(long number, Random random)
    {
        var links = random.Next(8) == 0 ? random.Next(16, 40) : random.Next(1, 16);
        var env = new StringBuilder("A=" + new string('x', random.Next(1, 64)) + "\n");
        for (var link = 1; link <= links; link++)
        {
            env.Append(random.Next(3) == 0 ? $"V{link}=\"${{V{link - 1}:-$A}}$A${{V{link - 1}}}\"\n" : $"V{link}=$V{link - 1}$V{link - 1}\n").Replace("$V0", "$A");
        }

        var top = $"V{links}";
        var compose = random.Next(5) switch
        {
            0 => $"services:\n  web:\n    image: x\n    environment:\n      A: ${top}\n",
            // Many values that each cross the one-value limit: each refusal must cost the load's budget.
            1 => "services:\n  web:\n    image: x\n    labels:\n" + string.Concat(Enumerable.Range(0, random.Next(8) == 0 ? random.Next(2_000, 20_000) : random.Next(1, 300)).Select(index => $"      l{index}: ${{{top}}}\n")),
            2 => "services:\n  web:\n    image: \"" + string.Concat(Enumerable.Repeat("${A:-", random.Next(1, 5000))) + "x" + new string('}', random.Next(0, 5000)) + "\"\n",
            3 => "services:\n  web:\n    image: \"" + string.Concat(Enumerable.Repeat("$$${A}", random.Next(1, 20_000))) + "\"\n",
            _ => "services:\n  web:\n    image: x\n    command: [" + string.Join(", ", Enumerable.Repeat($"\"${top}${top}\"", random.Next(1, 500))) + "]\n",
        };
        return new FuzzCase(number, "interpolation-bomb", Encoding.UTF8.GetBytes(compose), null, Encoding.UTF8.GetBytes(env.ToString()));
    }

    private static string Chains(Random random)
    {
        var length = random.Next(10) == 0 ? random.Next(100, 2000) : random.Next(2, 100);
        var attribute = random.Next(4) switch
        {
            0 => "extends: s{0}",
            1 => "depends_on: [s{0}]",
            2 => "network_mode: \"service:s{0}\"",
            _ => "volumes_from: [s{0}]",
        };
        var cycle = random.Next(2) == 0;
        var builder = new StringBuilder("services:\n");
        for (var index = 0; index < length; index++)
        {
            builder.Append($"  s{index}:\n    image: x\n");
            if (index + 1 < length || cycle)
            {
                builder.Append("    ").Append(string.Format(attribute, (index + 1) % length)).Append('\n');
            }
        }

        return builder.ToString();
    }

    private FuzzCase HostileDotEnv(long number, Random random)
    {
        var env = random.Next(5) switch
        {
            0 => "A=\"" + new string('x', random.Next(1, 64 << 10)),
            1 => Mutate("A=1\nexport B='two'\nC=\"three ${A}\"\nD=${B:-x} # comment\nE: five\nF\n", random),
            2 => new string('\0', random.Next(1, 1 << 16)),
            // Past line 20 every line crosses the one-value limit; thousands of them must not take minutes.
            3 => string.Concat(Enumerable.Repeat("K=${K}${K}x\n", random.Next(8) == 0 ? random.Next(2_000, 30_000) : random.Next(1, 200))),
            _ => random.Next(10) == 0 ? "A=" + new string('y', random.Next((4 << 20) - 16, (4 << 20) + 16)) : "A=" + new string('y', random.Next(1, 4096)) + "\nB=$A$A$A$A\n",
        };
        var compose = Seed(random);
        return new FuzzCase(number, "dotenv", Encoding.UTF8.GetBytes(compose), null, Encoding.UTF8.GetBytes(env));
    }

    private static byte[] Garbage(Random random)
    {
        var bytes = new byte[random.Next(0, 4096)];
        random.NextBytes(bytes);
        return bytes;
    }
}
