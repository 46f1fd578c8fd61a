using Composer.Engine.DockerApi;
using Composer.Engine.Tests.Support;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Unit.Build;

public sealed class BuildOutputTrackerTests
{
    [Fact]
    public void Lines_cut_across_messages_are_joined_and_the_last_step_and_error_are_kept()
    {
        var observer = new RecordingBuildObserver();
        var lines = observer.Lines;
        var tracker = new BuildOutputTracker(observer);

        tracker.Add(new JSONMessage { Stream = "Step 1/2 : FROM busybox\n ---> 26e2" });
        tracker.Add(new JSONMessage { Stream = "ad8aa44f\nStep 2/2 : RUN exit 3\n" });
        tracker.Add(new JSONMessage { Stream = "partial" });
        tracker.Add(new JSONMessage { Error = new JSONError { Message = "The command returned a non-zero code: 3" } });

        Assert.Equal(["Step 1/2 : FROM busybox", " ---> 26e2ad8aa44f", "Step 2/2 : RUN exit 3", "partial"], lines);
        Assert.Equal("Step 2/2 : RUN exit 3", tracker.LastStep);
        Assert.Equal("The command returned a non-zero code: 3", tracker.Error);
        Assert.Equal(["partial"], tracker.StepTail);
    }
}
