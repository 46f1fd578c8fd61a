using Composer.Engine.BuildKit;
using Composer.Engine.Contracts;

namespace Composer.Engine.Tests.Unit.BuildKit;

public sealed class DockerfileRewriterTests
{
    private static readonly Dictionary<string, string> NoContexts = [];

    [Fact]
    public void Contexts_become_stages_before_the_first_from_after_directives_and_global_args()
    {
        var dockerfile = "# syntax=docker/dockerfile:1\nARG BASE=busybox:latest\nFROM $BASE AS build\nCOPY --from=tools /bin/true /t\n";
        var contexts = new Dictionary<string, string> { ["tools"] = "docker-image://busybox:latest", ["assets"] = "/abs/assets" };

        var rewritten = DockerfileRewriter.Rewrite(dockerfile, contexts, [], "n1");

        Assert.Equal(
            "# syntax=docker/dockerfile:1\nARG BASE=busybox:latest\n" +
            "FROM busybox:latest AS tools\nFROM scratch AS assets\nCOPY .composer-contexts/assets/ /\n" +
            "FROM $BASE AS build\nCOPY --from=tools /bin/true /t\n",
            rewritten);
    }

    [Fact]
    public void A_stage_in_no_cache_filter_gets_a_fresh_arg_and_other_stages_stay_as_they_are()
    {
        var dockerfile = "FROM busybox AS deps\nRUN echo deps \\\n  && true\nFROM busybox as App\nRUN echo app\n";

        var rewritten = DockerfileRewriter.Rewrite(dockerfile, NoContexts, ["app"], "n2");

        Assert.Equal("FROM busybox AS deps\nRUN echo deps \\\n  && true\nFROM busybox as App\nARG COMPOSER_NO_CACHE_n2=n2\nRUN echo app\n", rewritten);
    }

    [Fact]
    public void Nothing_to_say_leaves_the_dockerfile_alone()
    {
        const string dockerfile = "FROM busybox\nRUN true\n";

        Assert.Equal(dockerfile, DockerfileRewriter.Rewrite(dockerfile, NoContexts, [], "n3"));
    }

    [Fact]
    public void The_query_carries_tags_args_cache_sources_platform_and_ulimits_as_the_engine_reads_them()
    {
        var request = new BuildRequest
        {
            ServiceName = "web",
            Context = "/src",
            Tags = ["p-web", "p-web:1"],
            Target = "prod",
            CacheFrom = ["reg/app:cache"],
            Platform = "linux/amd64",
            NoCache = true,
            ExtraHosts = ["db:10.0.0.2"],
            Ulimits = [new BuildUlimit("nofile", 1024, 2048)],
        };

        var query = Uri.UnescapeDataString(BuildKitQuery.For(request, "Dockerfile", new Dictionary<string, string> { ["A"] = "1" }));

        Assert.StartsWith("version=2&dockerfile=Dockerfile&rm=1&forcerm=1&t=p-web&t=p-web:1&buildargs={\"A\":\"1\"}&target=prod", query, StringComparison.Ordinal);
        Assert.Contains("&extrahosts=db:10.0.0.2&nocache=1&cachefrom=[\"reg/app:cache\"]&platform=linux/amd64", query, StringComparison.Ordinal);
        Assert.EndsWith("&ulimits=[{\"Name\":\"nofile\",\"Soft\":1024,\"Hard\":2048}]", query, StringComparison.Ordinal);
    }
}
