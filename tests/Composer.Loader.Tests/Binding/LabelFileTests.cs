using Composer.Loader.Binding;
using Composer.Loader.Diagnostics;
using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class LabelFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("composer-labels-").FullName;

    [Fact]
    public void Label_files_merge_in_order_and_the_service_labels_win()
    {
        File.WriteAllText(Path.Combine(folder, "a.labels"), "# base\nteam=core\ntier=silver\n\nquoted=\"a b\"\n");
        File.WriteAllText(Path.Combine(folder, "b.labels"), "tier=gold\n");

        var labels = Bind("label_file: [./a.labels, ./b.labels]\nlabels: {team: payments}").Services["web"].Labels;

        Assert.Equal(new Dictionary<string, string> { ["quoted"] = "a b", ["team"] = "payments", ["tier"] = "gold" }, labels);
    }

    [Fact]
    public void A_missing_label_file_is_a_located_error()
    {
        var diagnostics = new DiagnosticBag();
        ProjectBinder.Bind(TestTrees.Parse(BindingHarness.Services("label_file: ./missing.labels")), Context, diagnostics);

        var diagnostic = Assert.Single(diagnostics.Items);
        Assert.Equal("services.web.label_file", diagnostic.Path);
        Assert.Equal($"label file {Path.Combine(folder, "missing.labels")} not found", diagnostic.Message);
        Assert.Equal(3, diagnostic.Mark.Line);
    }

    private BindContext Context => BindingHarness.Context with { WorkingDirectory = folder };

    private Model.Project Bind(string serviceYaml)
    {
        var diagnostics = new DiagnosticBag();
        var project = ProjectBinder.Bind(TestTrees.Parse(BindingHarness.Services(serviceYaml)), Context, diagnostics);
        Assert.Empty(diagnostics.Items);
        return project;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
