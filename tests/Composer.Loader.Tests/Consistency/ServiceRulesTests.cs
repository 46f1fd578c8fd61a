using Composer.Loader.Diagnostics;

namespace Composer.Loader.Tests.Consistency;

/// <summary>compose-go's consistency rules, each a located error from a whole load.</summary>
public sealed class ServiceRulesTests
{
    private static async Task<Diagnostic> SingleErrorAsync(string yaml)
    {
        var folder = Directory.CreateTempSubdirectory("service-rules-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "compose.yaml"), yaml);
            var failure = await Assert.ThrowsAsync<LoadException>(() =>
                ProjectLoader.LoadAsync(new LoadOptions { WorkingDirectory = folder, ProjectName = "rules" }, CancellationToken.None));
            var error = Assert.Single(failure.Diagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
            Assert.EndsWith("compose.yaml", error.Mark.File, StringComparison.Ordinal);
            return error;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("mem_limit: 512m\n    deploy: {resources: {limits: {memory: 256m}}}", "mem_limit", "mem_limit (536870912) and deploy.resources.limits.memory (268435456) disagree")]
    [InlineData("cpus: 1.5\n    deploy: {resources: {limits: {cpus: \"0.5\"}}}", "cpus", "cpus (1.5) and deploy.resources.limits.cpus (0.5) disagree")]
    [InlineData("mem_reservation: 1g\n    deploy: {resources: {reservations: {memory: 2g}}}", "mem_reservation", "disagree")]
    [InlineData("pids_limit: 10\n    deploy: {resources: {limits: {pids: 20}}}", "pids_limit", "disagree")]
    public async Task Resource_values_given_twice_must_agree(string attributes, string path, string message)
    {
        var error = await SingleErrorAsync($"services:\n  web:\n    image: busybox\n    {attributes}\n");

        Assert.Equal("services.web." + path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Mark.Line);
    }

    [Fact]
    public async Task Agreeing_resource_values_are_fine()
    {
        var folder = Directory.CreateTempSubdirectory("service-rules-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "compose.yaml"), "services:\n  web:\n    image: busybox\n    mem_limit: 256m\n    cpus: 0.5\n    deploy: {resources: {limits: {memory: 256m, cpus: \"0.5\"}}}\n");
            var result = await ProjectLoader.LoadAsync(new LoadOptions { WorkingDirectory = folder, ProjectName = "rules" }, CancellationToken.None);
            Assert.Equal(268435456, result.Project.Services["web"].MemLimit);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_healthcheck_test_must_start_with_CMD_CMD_SHELL_or_NONE()
    {
        var error = await SingleErrorAsync("services:\n  web:\n    image: busybox\n    healthcheck:\n      test: [\"curl\", \"-f\", \"http://localhost\"]\n");

        Assert.Equal("services.web.healthcheck.test", error.Path);
        Assert.Equal("service \"web\": healthcheck.test must start with CMD, CMD-SHELL or NONE, not \"curl\"", error.Message);
        Assert.Equal((5, 7), (error.Mark.Line, error.Mark.Column));
    }

    [Fact]
    public async Task Dockerfile_and_dockerfile_inline_exclude_each_other()
    {
        var error = await SingleErrorAsync("services:\n  web:\n    build:\n      context: .\n      dockerfile: Dockerfile\n      dockerfile_inline: FROM busybox\n");

        Assert.Equal("services.web.build.dockerfile_inline", error.Path);
        Assert.Contains("both dockerfile and dockerfile_inline", error.Message, StringComparison.Ordinal);
        Assert.Equal(6, error.Mark.Line);
    }

    [Fact]
    public async Task The_same_target_mounted_twice_is_an_error()
    {
        var error = await SingleErrorAsync("services:\n  web:\n    image: busybox\n    volumes: [\"data:/data\", \"/srv:/data/\"]\nvolumes:\n  data: {}\n");

        Assert.Equal("services.web.volumes[1]", error.Path);
        Assert.Equal("service \"web\": target /data is mounted twice (volumes[0] and volumes[1])", error.Message);
    }

    [Fact]
    public async Task A_tmpfs_on_a_volume_target_is_mounted_twice()
    {
        var error = await SingleErrorAsync("services:\n  web:\n    image: busybox\n    volumes: [\"/srv:/cache\"]\n    tmpfs: [\"/cache:size=1m\"]\n");

        Assert.Equal("services.web.tmpfs[0]", error.Path);
    }

    [Fact]
    public async Task An_undefined_build_secret_is_an_error()
    {
        var error = await SingleErrorAsync("services:\n  web:\n    build:\n      context: .\n      secrets: [npm_token]\n");

        Assert.Equal("services.web.build.secrets", error.Path);
        Assert.Equal("service \"web\": build refers to undefined secret \"npm_token\"", error.Message);
        Assert.Equal(5, error.Mark.Line);
    }

    [Fact]
    public async Task An_additional_context_naming_no_service_is_an_error()
    {
        var error = await SingleErrorAsync("services:\n  web:\n    build:\n      context: .\n      additional_contexts:\n        base: service:basis\n");

        Assert.Equal("services.web.build.additional_contexts.base", error.Path);
        Assert.Equal("service \"web\": additional context \"base\" (service:basis) names no service", error.Message);
        Assert.Equal(6, error.Mark.Line);
    }

    [Fact]
    public async Task An_undefined_model_is_an_error()
    {
        var error = await SingleErrorAsync("services:\n  web:\n    image: busybox\n    models: [llm]\nmodels:\n  other: {model: ai/smollm2}\n");

        Assert.Equal("services.web.models", error.Path);
        Assert.Equal("service \"web\" refers to undefined model \"llm\"", error.Message);
    }

    [Fact]
    public async Task A_negative_scale_is_an_error()
    {
        var error = await SingleErrorAsync("services:\n  web:\n    image: busybox\n    scale: -1\n");

        Assert.Equal("services.web.scale", error.Path);
        Assert.Contains("scale must be 0 or more", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Mark.Line);
    }
}
