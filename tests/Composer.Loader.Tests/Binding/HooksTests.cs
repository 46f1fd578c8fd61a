using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class HooksTests
{
    [Fact]
    public void Post_start_and_pre_stop_bind_every_field_and_round_trip()
    {
        var service = BindingHarness.Web("""
            post_start:
              - command: ./migrate.sh --fast
                user: "1000"
                privileged: true
                working_dir: /app
                environment: [MODE=fast, TOKEN]
            pre_stop:
              - command: ["sh", "-c", "echo bye"]
            """);

        var hook = Assert.Single(service.PostStart);
        Assert.Equal(["./migrate.sh", "--fast"], hook.Command);
        Assert.Equal(("1000", true, "/app"), (hook.User, hook.Privileged, hook.WorkingDir));
        Assert.Equal("fast", hook.Environment["MODE"]);
        Assert.Null(hook.Environment["TOKEN"]);
        Assert.Equal(["sh", "-c", "echo bye"], Assert.Single(service.PreStop).Command);
        BindingHarness.RoundTrip(BindingHarness.Load(BindingHarness.Services("post_start: [{command: a, user: x}]\npre_stop: [{command: b}]")));
    }

    [Fact]
    public void Pre_start_takes_an_image()
    {
        var hook = Assert.Single(BindingHarness.Web("pre_start:\n  - image: busybox:latest\n    command: echo init").PreStart);

        Assert.Equal(("busybox:latest", "echo init"), (hook.Image, string.Join(' ', hook.Command)));
        Assert.Contains("pre_start:\n  - command:\n      - echo\n      - init\n    image: busybox:latest", BindingHarness.WebAttributeYaml("pre_start:\n  - image: busybox:latest\n    command: echo init", "pre_start"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("post_start: [{command: \"\"}]", "services.web.post_start[0].command")]
    [InlineData("pre_stop: [{command: []}]", "services.web.pre_stop[0].command")]
    [InlineData("pre_start: [{user: root}]", "services.web.pre_start[0].command")]
    public void A_hook_without_a_command_is_a_located_error(string yaml, string path)
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services(yaml)));

        Assert.Equal(path, diagnostic.Path);
        Assert.Contains("a hook needs a command that is not empty", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(diagnostic.Mark.Line > 0);
    }

    [Fact]
    public void Pre_start_per_replica_is_refused_where_it_is_written()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("pre_start: [{command: x, per_replica: true}]")));

        Assert.Equal("services.web.pre_start[0].per_replica", diagnostic.Path);
    }
}
