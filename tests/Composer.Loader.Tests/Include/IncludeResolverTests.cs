using Composer.Loader.Diagnostics;
using Composer.Loader.Include;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Include;

public sealed class IncludeResolverTests
{
    [Fact]
    public void Short_form_is_a_path_relative_to_the_including_file()
    {
        var resolver = new IncludeResolver(new DiagnosticBag());

        var request = Assert.Single(resolver.ReadRequests(Yaml.Read("include:\n  - sub/compose.yaml\n"), "/project"));

        Assert.Equal(["/project/sub/compose.yaml"], request.Files);
        Assert.Equal("/project/sub", request.ProjectDirectory);
        Assert.Empty(request.EnvFiles);
    }

    [Fact]
    public void Long_form_takes_paths_project_directory_and_env_files()
    {
        var resolver = new IncludeResolver(new DiagnosticBag());
        var yaml = "include:\n  - path: [a/compose.yaml, a/override.yaml]\n    project_directory: a\n    env_file: [a/one.env, a/two.env]\n";

        var request = Assert.Single(resolver.ReadRequests(Yaml.Read(yaml), "/p"));

        Assert.Equal(["/p/a/compose.yaml", "/p/a/override.yaml"], request.Files);
        Assert.Equal("/p/a", request.ProjectDirectory);
        Assert.Equal(["/p/a/one.env", "/p/a/two.env"], request.EnvFiles);
    }

    [Fact]
    public void Included_resources_are_added()
    {
        var resolver = new IncludeResolver(new DiagnosticBag());
        var root = Yaml.Read("include: [x.yaml]\nservices:\n  web:\n    image: a\n");
        var included = Yaml.Read("services:\n  db:\n    image: pg\nvolumes:\n  data: {}\n");

        var merged = resolver.MergeIncluded(root, included, resolver.ReadRequests(root, "/p")[0]);

        Assert.Equal("{services: {web: {image: a}, db: {image: pg}}, volumes: {data: {}}}", Yaml.Render(merged));
    }

    [Fact]
    public void Identical_resource_in_both_is_accepted()
    {
        var diagnostics = new DiagnosticBag();
        var resolver = new IncludeResolver(diagnostics);
        var root = Yaml.Read("include: [x.yaml]\nnetworks:\n  shared:\n    driver: bridge\n");

        resolver.MergeIncluded(root, Yaml.Read("networks:\n  shared:\n    driver: bridge\n"), resolver.ReadRequests(root, "/p")[0]);

        Assert.Empty(diagnostics.Items);
    }

    [Fact]
    public void Conflicting_resource_is_a_located_error()
    {
        var diagnostics = new DiagnosticBag();
        var resolver = new IncludeResolver(diagnostics);
        var root = Yaml.Read("include: [x.yaml]\nservices:\n  db:\n    image: mysql\n");

        resolver.MergeIncluded(root, Yaml.Read("services:\n  db:\n    image: pg\n"), resolver.ReadRequests(root, "/p")[0]);

        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("services.db", error.Path);
        Assert.Equal(3, error.Mark.Line);
        Assert.Contains("/p/x.yaml", error.Message);
    }

    [Theory]
    [InlineData("include: [\"oci://registry/app:1\"]\n")]
    [InlineData("include:\n  - path: git@github.com:x/y.git\n")]
    public void Remote_include_is_reported_as_unsupported(string yaml)
    {
        var diagnostics = new DiagnosticBag();

        var requests = new IncludeResolver(diagnostics).ReadRequests(Yaml.Read(yaml), "/p");

        Assert.Contains("not supported", Assert.Single(diagnostics.Items).Message);
        Assert.True(requests.Count == 0 || requests[0].Files.Count == 0);
    }

    [Fact]
    public void Include_that_is_not_a_list_is_an_error()
    {
        var diagnostics = new DiagnosticBag();

        new IncludeResolver(diagnostics).ReadRequests(Yaml.Read("include: x.yaml\n"), "/p");

        Assert.Equal("include", Assert.Single(diagnostics.Items).Path);
    }
}
