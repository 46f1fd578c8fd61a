using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Inspection;

namespace Composer.Engine.Tests.Unit.Inspection;

public sealed class InspectionFormattingTests
{
    private static ContainerSummary Container(params PublishedPort[] ports) => new() { Id = "id", Name = "p-web-1", Ports = ports };

    [Fact]
    public void Port_prints_the_first_binding_of_the_port_and_protocol()
    {
        var container = Container(new PublishedPort(null, null, 80, "tcp"), new PublishedPort("127.0.0.1", 32768, 80, "tcp"), new PublishedPort("::1", 32768, 80, "tcp"));

        Assert.Equal("127.0.0.1:32768", PortLookup.Binding(container, 80, "tcp"));
        Assert.Equal("[::1]:5000", PortLookup.Binding(Container(new PublishedPort("::1", 5000, 53, "udp")), 53, "UDP"));
    }

    [Fact]
    public void Port_that_is_not_published_is_an_error_naming_the_container()
    {
        var failure = Assert.Throws<InspectionException>(() => PortLookup.Binding(Container(new PublishedPort(null, null, 80, "tcp")), 80, "tcp"));
        Assert.Equal("no port 80/tcp published for container p-web-1", failure.Message);
    }

    [Fact]
    public void An_event_line_has_time_action_id_and_sorted_attributes_without_compose_labels()
    {
        var attributes = new Dictionary<string, string>
        {
            ["name"] = "p-web-1",
            ["image"] = "busybox:latest",
            [ComposeLabels.Service] = "web",
            [ComposeLabels.Project] = "p",
        };
        var engineEvent = new EngineEvent("abc123", "start", attributes, new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1234560));

        var projectEvent = ProjectEvent.From(engineEvent, DateTimeOffset.UnixEpoch);

        Assert.Equal("web", projectEvent.Service);
        Assert.Equal("2024-05-01 10:00:00.123456 container start abc123 (image=busybox:latest, name=p-web-1)", projectEvent.ToText());
    }
}
