using Composer.Engine.Tests.Support;
using Composer.Engine.Validation;
using Composer.Model;
using Composer.Orchestration.Providers;

namespace Composer.Engine.Tests.Unit;

/// <summary>The provider protocol as docker compose speaks it: the tool's command line and the JSON lines it prints.</summary>
public sealed class ProviderProtocolTests
{
    private static Service Provider(string name, string type, params (string Key, object? Value)[] options) => new()
    {
        Name = name,
        Other = new Extensions(TestServices.Map<object?>(("provider", TestServices.Map<object?>(("type", type), ("options", TestServices.Map(options)))))),
    };

    [Theory]
    [InlineData("""{"type": "info", "message": "pulling 25%"}""", "info", "pulling 25%")]
    [InlineData("""{"type":"setenv","message":"URL=https://x/db?a=b"}""", "setenv", "URL=https://x/db?a=b")]
    [InlineData("""{"type": "rawsetenv", "message": "KEY=", "extra": 1}""", "rawsetenv", "KEY=")]
    [InlineData("""{"type": "error", "message": "quota exceeded"}""", "error", "quota exceeded")]
    [InlineData("""{"type": "debug"}""", "debug", "")]
    public void Known_messages_are_read_with_their_type_and_text(string line, string type, string message)
    {
        var parsed = ProviderMessages.Parse(line, out var problem);

        Assert.Null(problem);
        Assert.Equal(new ProviderMessage(type, message), parsed);
    }

    [Theory]
    [InlineData("plain text", "printed a line that is not a JSON message: plain text")]
    [InlineData("[1, 2]", "printed a line that is not a JSON object: [1, 2]")]
    [InlineData("""{"message": "x"}""", "printed a message without a type: {\"message\": \"x\"}")]
    [InlineData("""{"type": "progress", "message": "x"}""", "printed a message of unknown type \"progress\" (info, error, setenv, rawsetenv and debug are known)")]
    [InlineData("""{"type": "setenv", "message": "NOEQUALS"}""", "printed setenv \"NOEQUALS\", which is not KEY=value")]
    public void Lines_outside_the_protocol_say_what_is_wrong(string line, string expected)
    {
        Assert.Null(ProviderMessages.Parse(line, out var problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void A_variable_splits_at_its_first_equals_sign_and_a_message_shows_its_first_line()
    {
        Assert.Equal(KeyValuePair.Create("URL", "a=b=c"), ProviderMessages.Variable(new ProviderMessage("setenv", "URL=a=b=c")));
        Assert.Equal("first", ProviderMessages.FirstLine("first\nsecond\n"));
    }

    [Fact]
    public void The_command_line_is_docker_composes_with_options_in_key_order_and_one_flag_per_list_item()
    {
        var service = Provider("database", "awesomecloud", ("type", "mysql"), ("size", 256L), ("zones", new List<object?> { "a", "b" }));
        var project = TestServices.Project("shop", service) with
        {
            Environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["FROM_DOTENV"] = "1", ["DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND"] = "docker" },
        };

        var provider = ServiceProvider.Of(service)!;

        Assert.Equal(
            ["compose", "--project-name=shop", "up", "--size=256", "--type=mysql", "--zones=a", "--zones=b", "database"],
            ProviderCommandLine.Arguments(project, service, provider, "up"));
        var environment = ProviderCommandLine.Environment(project);
        Assert.Equal("1", environment["FROM_DOTENV"]);
        Assert.False(environment.ContainsKey("DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND"));
        Assert.True(environment.ContainsKey("PATH"));
    }

    [Fact]
    public void Declared_parameters_filter_the_options_and_a_missing_required_one_is_named()
    {
        var service = Provider("db", "awesomecloud", ("type", "mysql"), ("size", 256L), ("zones", "a"));
        var project = TestServices.Project("shop", service);
        var provider = ServiceProvider.Of(service)!;
        var metadata = ProviderMetadata.Parse("""
            {"description": "Manage services on AwesomeCloud",
             "up": {"parameters": [{"name": "type", "required": true, "type": "string"}, {"name": "size", "required": false}, {"name": "name", "required": true}]},
             "down": {"parameters": [{"name": "name", "required": false}]}}
            """);

        Assert.False(metadata.IsEmpty);
        Assert.Null(metadata.Stop);
        Assert.Equal(["compose", "--project-name=shop", "up", "--size=256", "--type=mysql", "db"], ProviderCommandLine.Arguments(project, service, provider, "up", metadata));
        Assert.Equal(["compose", "--project-name=shop", "down", "db"], ProviderCommandLine.Arguments(project, service, provider, "down", metadata));
        Assert.Equal("name", ProviderCommandLine.MissingRequired(provider, "up", metadata));
        Assert.Null(ProviderCommandLine.MissingRequired(provider, "down", metadata));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"stop": {}}""")]
    [InlineData("""{"up": {}, "down": {"parameters": null}}""")]
    public void A_tool_that_says_nothing_usable_about_itself_gets_every_option_and_no_requirement(string answer)
    {
        var service = Provider("db", "cloud", ("size", 1L));
        var metadata = ProviderMetadata.Parse(answer);

        Assert.True(metadata.IsEmpty);
        Assert.Equal(["compose", "--project-name=p", "up", "--size=1", "db"], ProviderCommandLine.Arguments(TestServices.Project("p", service), service, ServiceProvider.Of(service)!, "up", metadata));
        Assert.Null(ProviderCommandLine.MissingRequired(ServiceProvider.Of(service)!, "up", metadata));
    }

    [Fact]
    public void A_stop_block_declares_stop_even_without_parameters()
    {
        Assert.NotNull(ProviderMetadata.Parse("""{"description": "x", "stop": {}}""").Stop);
        Assert.Null(ProviderMetadata.Parse("""{"description": "x"}""").Stop);
    }

    [Fact]
    public void A_provider_of_type_compose_is_refused_and_one_depending_on_a_container_service_needs_only_its_plugin()
    {
        var project = TestServices.Project("p",
            Provider("self", "compose"),
            Provider("db", "composer-test-cloud") with { DependsOn = TestServices.Map(("cache", new ServiceDependency())) },
            TestServices.Sleeper("cache"));

        var problems = ServiceSupportValidator.Problems(project);

        Assert.Equal(
            [
                "service \"db\": provider type \"composer-test-cloud\" needs the docker-composer-test-cloud plugin, which is not in the docker cli-plugins folders or PATH",
                "service \"self\": provider type \"compose\" is not a valid provider type",
            ],
            problems);
    }

    [Fact]
    public void Provider_lookup_refuses_paths_and_finds_nothing_for_an_unknown_type()
    {
        Assert.Null(CliPlugins.FindProvider("../../bin/sh"));
        Assert.Null(CliPlugins.FindProvider("composer-test-nothing-by-this-name"));
    }
}
