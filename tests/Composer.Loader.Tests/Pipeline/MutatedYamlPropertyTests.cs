using Composer.Loader.Diagnostics;
using Composer.Loader.Extends;
using Composer.Loader.Interpolation;
using Composer.Loader.Merge;
using Composer.Loader.Parsing;
using Composer.Loader.Tests.Support;
using Composer.Loader.Tree;
using CsCheck;

namespace Composer.Loader.Tests.Pipeline;

/// <summary>
/// Damaged compose files must only ever give located diagnostics: reading, interpolating, merging and resolving
/// extends on them never throws and never hangs.
/// </summary>
public sealed class MutatedYamlPropertyTests
{
    private static readonly string[] ValidDocuments =
    [
        "name: demo\nservices:\n  web:\n    image: \"nginx:${TAG:-latest}\"\n    ports:\n      - \"8080:80\"\n      - target: 443\n        published: 8443\n    environment:\n      - A=1\n      - B=${B:-2}\n    depends_on: [db]\n  db:\n    image: postgres\n    volumes: [\"data:/var/lib/postgresql/data\"]\nvolumes:\n  data: {}\n",
        "x-base: &base\n  restart: always\n  labels: {a: b}\nservices:\n  api:\n    <<: *base\n    build:\n      context: ./api\n      args: [X=1]\n    command: [\"run\", \"$${HOME}\"]\n  worker:\n    extends: api\n    entrypoint: /bin/sh\n    profiles: [jobs]\n",
        "services:\n  app:\n    image: app\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n      interval: 5s\n    networks:\n      front:\n        aliases: [a]\n    ports: !reset []\n    environment: !override\n      K: v\nnetworks:\n  front:\n    driver: bridge\n",
        "include:\n  - path: ./lib/compose.yaml\nservices:\n  x:\n    image: \"${IMAGE:?set it}\"\n    secrets: [token]\nsecrets:\n  token:\n    file: ./token.txt\n",
    ];

    private static readonly Gen<(int Document, uint[] Operations)> Inputs =
        Gen.Select(Gen.Int[0, ValidDocuments.Length - 1], Gen.UInt.Array[1, 6]);

    [Fact]
    public void Mutated_compose_yaml_only_ever_gives_located_diagnostics()
    {
        Inputs.Sample(input =>
        {
            var text = ComposeTextMutator.Mutate(ValidDocuments[input.Document], input.Operations);
            var run = Task.Run(() => ReadInterpolateMerge(text));
            Assert.True(run.Wait(TimeSpan.FromSeconds(10)), "the pipeline did not finish on:\n" + text);
            foreach (var diagnostic in run.Result)
            {
                Assert.Equal("mutated.yaml", diagnostic.Mark.File);
                Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message));
            }
        }, iter: 3000, threads: 1);
    }

    private static IReadOnlyList<Diagnostic> ReadInterpolateMerge(string text)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(text, "mutated.yaml", diagnostics);
        if (root is null)
        {
            return diagnostics.Items;
        }

        var interpolated = new Interpolator(new Dictionary<string, string> { ["TAG"] = "1" }, diagnostics).Interpolate(root);
        var merged = TreeMerger.Merge(TreeMerger.Merge(Yaml(ValidDocuments[0]), interpolated), interpolated);
        merged = new ExtendsResolver(_ => null, diagnostics).Resolve(merged, "/nowhere/mutated.yaml");
        MergeTagCleaner.Clean(merged);
        return diagnostics.Items;
    }

    private static MappingNode Yaml(string text) => YamlTreeReader.Read(text, "mutated.yaml", new DiagnosticBag())!;
}
