using Composer.Loader.Diagnostics;
using Composer.Loader.Extends;
using Composer.Loader.Merge;
using Composer.Loader.Tests.Support;
using Composer.Loader.Tree;

namespace Composer.Loader.Tests.Extends;

public sealed class ExtendsResolverTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private (MappingNode Root, DiagnosticBag Diagnostics) Resolve(string yaml, string fileName = "compose.yaml")
    {
        var diagnostics = new DiagnosticBag();
        var path = System.IO.Path.Combine(_folder.Path, fileName);
        var resolver = new ExtendsResolver(
            file => File.Exists(file) ? Composer.Loader.Parsing.YamlTreeReader.Read(File.ReadAllText(file), file, diagnostics) : null,
            diagnostics);
        var root = resolver.Resolve(Yaml.Read(yaml, path), path);
        return (MergeTagCleaner.Clean(root), diagnostics);
    }

    [Fact]
    public void Short_form_extends_a_service_of_the_same_file()
    {
        var (root, diagnostics) = Resolve("services:\n  base:\n    image: a\n    restart: always\n  web:\n    extends: base\n    image: b\n");

        Assert.Empty(diagnostics.Items);
        Assert.Equal("{image: b, restart: always}", Yaml.Render(Yaml.At(root, "services.web")));
    }

    [Fact]
    public void Long_form_with_service_only()
    {
        var (root, _) = Resolve("services:\n  base:\n    image: a\n  web:\n    extends:\n      service: base\n");

        Assert.Equal("{image: a}", Yaml.Render(Yaml.At(root, "services.web")));
    }

    [Fact]
    public void Extends_is_recursive()
    {
        var (root, _) = Resolve("services:\n  a:\n    image: a\n    user: root\n  b:\n    extends: a\n    image: b\n  c:\n    extends: b\n    environment: [X=1]\n");

        Assert.Equal("{image: b, user: root, environment: [X=1]}", Yaml.Render(Yaml.At(root, "services.c")));
    }

    [Fact]
    public void Merge_rules_apply_between_base_and_extending_service()
    {
        var (root, _) = Resolve(
            "services:\n  base:\n    image: a\n    ports: [\"80:80\"]\n    environment: {A: 1}\n    command: [a]\n" +
            "  web:\n    extends: base\n    ports: [\"443:443\"]\n    environment: {B: 2}\n    command: [b]\n");

        Assert.Equal(
            "{image: a, ports: [\"80:80\", \"443:443\"], environment: {A: 1, B: 2}, command: [b]}",
            Yaml.Render(Yaml.At(root, "services.web")));
    }

    [Fact]
    public void Reset_in_the_extending_service_drops_the_inherited_value()
    {
        var (root, _) = Resolve("services:\n  base:\n    image: a\n    ports: [\"80:80\"]\n  web:\n    extends: base\n    ports: !reset []\n");

        Assert.Equal("{image: a}", Yaml.Render(Yaml.At(root, "services.web")));
    }

    [Fact]
    public void Other_file_is_read_relative_to_the_declaring_file_and_its_paths_made_absolute()
    {
        _folder.Write("common/base.yaml", "services:\n  app:\n    build: ./src\n    env_file: app.env\n    volumes: [\"./data:/data\", \"named:/named\"]\n");

        var (root, diagnostics) = Resolve("services:\n  web:\n    extends:\n      file: common/base.yaml\n      service: app\n");

        Assert.Empty(diagnostics.Items);
        var common = System.IO.Path.Combine(_folder.Path, "common");
        Assert.Equal(
            $"{{build: {System.IO.Path.Combine(common, "src")}, env_file: {System.IO.Path.Combine(common, "app.env")}, volumes: [\"{System.IO.Path.Combine(common, "data")}:/data\", \"named:/named\"]}}",
            Yaml.Render(Yaml.At(root, "services.web")));
    }

    [Fact]
    public void Other_file_base_may_itself_extend_within_its_file()
    {
        _folder.Write("base.yaml", "services:\n  root:\n    image: r\n  app:\n    extends: root\n    user: u\n");

        var (root, diagnostics) = Resolve("services:\n  web:\n    extends: {file: base.yaml, service: app}\n");

        Assert.Empty(diagnostics.Items);
        Assert.Equal("{image: r, user: u}", Yaml.Render(Yaml.At(root, "services.web")));
    }

    [Fact]
    public void Unknown_service_is_a_located_error()
    {
        var (_, diagnostics) = Resolve("services:\n  web:\n    extends: nope\n");

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("services.web.extends", error.Path);
        Assert.Equal(3, error.Mark.Line);
        Assert.Contains("\"nope\"", error.Message);
    }

    [Fact]
    public void Empty_base_service_can_be_extended()
    {
        var (root, diagnostics) = Resolve("services:\n  base:\n  web:\n    extends: base\n    image: w\n");

        Assert.Empty(diagnostics.Items);
        Assert.Equal("{image: w}", Yaml.Render(Yaml.At(root, "services.web")));
    }

    [Fact]
    public void Unknown_service_in_another_file_names_the_file()
    {
        _folder.Write("other.yaml", "networks: {}\n");

        var (_, diagnostics) = Resolve("services:\n  web:\n    extends: {file: other.yaml, service: app}\n");

        Assert.Contains("other.yaml", Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public void Cycle_is_reported_as_a_chain()
    {
        var (_, diagnostics) = Resolve("services:\n  a:\n    extends: b\n  b:\n    extends: a\n");

        var error = Assert.Single(diagnostics.Items);
        Assert.Contains("a -> b -> a", error.Message);
    }

    [Fact]
    public void Self_extension_is_a_cycle()
    {
        var (_, diagnostics) = Resolve("services:\n  a:\n    extends: a\n");

        Assert.Contains("a -> a", Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public void Cycle_across_files_is_reported()
    {
        const string main = "services:\n  a:\n    extends: {file: other.yaml, service: b}\n";
        _folder.Write("other.yaml", "services:\n  b:\n    extends: {file: compose.yaml, service: a}\n");
        _folder.Write("compose.yaml", main);

        var (_, diagnostics) = Resolve(main);

        Assert.Contains("a -> b -> a", Assert.Single(diagnostics.Items).Message);
    }
}
