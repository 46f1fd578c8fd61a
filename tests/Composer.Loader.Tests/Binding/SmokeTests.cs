using Xunit;
using Xunit.Abstractions;

namespace Composer.Loader.Tests.Binding;

public sealed class SmokeTests(ITestOutputHelper output)
{
    [Fact]
    public void Prints()
    {
        var project = BindingHarness.Load("""
            services:
              web:
                image: nginx
                ports: ["8080:80", "127.0.0.1:53:53/udp", 9000]
                volumes: ["./src:/app:ro,z", "data:/data", "/anon"]
                environment: ["A=1", "B", "C=true"]
                command: echo "hello world" 'a b'
                healthcheck: {test: curl -f http://localhost, interval: 1m30s}
                x-foo: {bar: 1}
            volumes:
              data:
            x-top: "22:22"
            """);
        output.WriteLine(Composer.Loader.Writing.ProjectWriter.ToYaml(project));
        output.WriteLine(Composer.Loader.Writing.ProjectWriter.ToJson(project));
    }
}
