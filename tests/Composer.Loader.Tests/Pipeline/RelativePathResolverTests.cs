using Composer.Loader.Paths;
using Composer.Loader.Tests.Support;

namespace Composer.Loader.Tests.Pipeline;

public sealed class RelativePathResolverTests
{
    private static string ResolveService(string yaml) =>
        Yaml.Render(RelativePathResolver.ResolveService(Yaml.Read(yaml), "/base"));

    [Theory]
    [InlineData("build: ./app", "{build: /base/app}")]
    [InlineData("build:\n  context: ..\n  dockerfile: Dockerfile", "{build: {context: /, dockerfile: Dockerfile}}")]
    [InlineData("build: https://github.com/x/y.git", "{build: https://github.com/x/y.git}")]
    [InlineData("build: /abs", "{build: /abs}")]
    [InlineData("build:\n  dockerfile_inline: FROM x", "{build: {dockerfile_inline: FROM x, context: \"/base\"}}")]
    public void Build_contexts(string yaml, string expected) => Assert.Equal(expected, ResolveService(yaml));

    [Theory]
    [InlineData("env_file: a.env", "{env_file: /base/a.env}")]
    [InlineData("env_file: [a.env, /b.env]", "{env_file: [/base/a.env, /b.env]}")]
    [InlineData("env_file:\n  - path: a.env\n    required: false", "{env_file: [{path: /base/a.env, required: false}]}")]
    [InlineData("label_file: l.txt", "{label_file: /base/l.txt}")]
    public void Env_and_label_files(string yaml, string expected) => Assert.Equal(expected, ResolveService(yaml));

    [Theory]
    [InlineData("volumes: [\"./data:/data:ro\"]", "{volumes: [\"/base/data:/data:ro\"]}")]
    [InlineData("volumes: [\"../up:/up\"]", "{volumes: [\"/up:/up\"]}")]
    [InlineData("volumes: [\"./:/mnt\"]", "{volumes: [\"/base:/mnt\"]}")]
    [InlineData("volumes: [\"named:/named\", \"/abs:/abs\"]", "{volumes: [\"named:/named\", \"/abs:/abs\"]}")]
    [InlineData("volumes:\n  - type: bind\n    source: ./src\n    target: /src", "{volumes: [{type: bind, source: /base/src, target: /src}]}")]
    [InlineData("volumes:\n  - type: volume\n    source: data\n    target: /d", "{volumes: [{type: volume, source: data, target: /d}]}")]
    public void Bind_mount_sources(string yaml, string expected) => Assert.Equal(expected, ResolveService(yaml));

    [Fact]
    public void Project_secrets_and_configs_files_are_resolved()
    {
        var root = Yaml.Read("secrets:\n  s:\n    file: ./s.txt\nconfigs:\n  c:\n    file: c.conf\n  e:\n    external: true\n");

        Assert.Equal(
            "{secrets: {s: {file: /base/s.txt}}, configs: {c: {file: /base/c.conf}, e: {external: true}}}",
            Yaml.Render(RelativePathResolver.ResolveProject(root, "/base")));
    }
}
