using Composer.Loader.Diagnostics;
using Composer.Loader.Output;
using Composer.Loader.Parsing;
using Composer.Loader.Tests.Support;
using Composer.Loader.Validation;
using CsCheck;

namespace Composer.Loader.Tests.Output;

/// <summary>Whatever tree the reader accepts, the writer prints YAML that reads back to the same values.</summary>
public sealed class TreeYamlWriterPropertyTests
{
    private const string Document =
        "name: demo\nx-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: \"nginx:${TAG:-latest}\"\n    ports:\n      - \"${PORT}:80\"\n      - 8080:80\n      - target: 443\n    environment:\n      A: 'yes'\n      B: \"0x1F\"\n      C: 1.5\n      D:\n    command: [\"sh\", \"-c\", \"echo $$HOME\"]\n    healthcheck:\n      test: |\n        curl -f http://localhost\n        exit 0\n      interval: 1m30s\n    labels: !override\n      com.example: \"\"\n    volumes: !reset []\nvolumes:\n  data: {}\n";

    private static readonly Gen<uint[]> Operations = Gen.UInt.Array[1, 5];

    [Fact]
    public void Printed_tree_reads_back_with_the_same_values()
    {
        Operations.Sample(operations =>
        {
            var text = ComposeTextMutator.Mutate(Document, operations);
            var diagnostics = new DiagnosticBag();
            var tree = YamlTreeReader.Read(text, "compose.yaml", diagnostics);
            if (tree is null || diagnostics.HasErrors)
            {
                return;
            }

            var printed = TreeYamlWriter.ToYaml(tree);
            var rereadDiagnostics = new DiagnosticBag();
            var reread = YamlTreeReader.Read(printed, "printed.yaml", rereadDiagnostics);

            Assert.True(reread is not null && !rereadDiagnostics.HasErrors, $"printed YAML does not read back:\n{printed}\nfrom:\n{text}\n{string.Join("\n", rereadDiagnostics.Items)}");
            Assert.Equal(TypedView.Of(tree), TypedView.Of(reread));
        }, iter: 3000, threads: 1);
    }
}
