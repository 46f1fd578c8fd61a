using Composer.Loader.Diagnostics;
using Composer.Loader.Tests.Support;
using Xunit;

namespace Composer.Loader.Tests.Conformance;

/// <summary>
/// Upstream tests that load a corpus fixture in a particular way rather than alone: extending one of its services,
/// or naming the services the command works on.
/// </summary>
public sealed class LoaderConformanceScenarioTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Extending_the_null_service_of_the_extends_fixture_keeps_the_extending_service()
    {
        // compose-go TestExtendsNil: `nil:` is an empty service, so extending it changes nothing.
        var baseFile = ConformanceCorpus.FullPath("compose-go/loader/testdata/extends/base.yaml");
        var composeFile = _folder.Write(
            "compose.yaml", $"name: test-extends-nil\nservices:\n  test:\n    image: test\n    extends:\n      file: '{baseFile}'\n      service: nil\n");

        var result = await ProjectLoader.LoadAsync(new LoadOptions { ConfigFiles = [composeFile], WorkingDirectory = _folder.Path }, CancellationToken.None);

        Assert.Equal("test", result.Project.Services["test"].Image);
    }

    [Fact]
    public async Task Missing_env_file_of_a_service_the_command_does_not_name_is_tolerated()
    {
        // docker/compose TestUnusedMissingEnvFile: `up -d serviceA` works although serviceB's env_file is missing.
        var result = await LoadEnvFileFixtureAsync("serviceA");

        Assert.Contains("serviceA", result.Project.Services.Keys);
    }

    [Fact]
    public async Task Missing_env_file_of_the_named_service_fails_the_load()
    {
        var failure = await Assert.ThrowsAsync<LoadException>(() => LoadEnvFileFixtureAsync("serviceB"));

        Assert.Contains("/doesnotexist/.env not found", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Naming_a_service_with_a_profile_reads_its_env_file()
    {
        // docker/compose TestRunEnvFile: `run serviceC env` prints the value of its env_file.
        var result = await LoadEnvFileFixtureAsync("serviceC");

        Assert.Equal("BAR", result.Project.Services["serviceC"].Environment["FOO"]);
    }

    [Fact]
    public async Task Naming_a_service_with_a_profile_enables_it_and_its_dependencies_only()
    {
        // docker/compose TestUpProfile: `up foo` starts foo (profile test) and db, not bar (also profile test).
        var result = await LoadFixtureAsync("compose/pkg/e2e/testdata/TestUpProfile/compose.yaml", "foo");

        Assert.Equal(["db", "foo"], result.Project.Services.Keys);
        Assert.Equal(["bar"], result.Project.DisabledServices.Keys);
    }

    [Fact]
    public async Task Config_without_consistency_lists_a_service_that_has_nothing_to_run()
    {
        // docker/compose TestLocalComposeConfigNoConsistency: `config --no-consistency` prints the incomplete model.
        var composeFile = ConformanceCorpus.FullPath("compose/pkg/e2e/testdata/TestLocalComposeConfigNoConsistency/compose.yaml");
        var options = new LoadOptions { ConfigFiles = [composeFile], WorkingDirectory = Path.GetDirectoryName(composeFile)!, CheckConsistency = false };

        var result = await ProjectLoader.LoadAsync(options, CancellationToken.None);

        Assert.Null(result.Project.Services["incomplete"].Image);
    }

    private static Task<LoadResult> LoadEnvFileFixtureAsync(string requestedService) =>
        LoadFixtureAsync("compose/pkg/e2e/fixtures/env_file/compose.yaml", requestedService);

    private static Task<LoadResult> LoadFixtureAsync(string relativePath, string requestedService)
    {
        var composeFile = ConformanceCorpus.FullPath(relativePath);
        var options = new LoadOptions
        {
            ConfigFiles = [composeFile],
            WorkingDirectory = Path.GetDirectoryName(composeFile)!,
            RequestedServices = [requestedService],
        };
        return ProjectLoader.LoadAsync(options, CancellationToken.None);
    }
}
