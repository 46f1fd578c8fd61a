using static Composer.Loader.Tests.Merge.MergeTestHelper;

namespace Composer.Loader.Tests.Merge;

public sealed class ResetAndOverrideTagTests
{
    [Fact]
    public void Reset_removes_the_earlier_value() =>
        Assert.Equal("{services: {web: {image: a}}}", MergeService("image: a\nports: [\"80:80\"]", "ports: !reset []"));

    [Fact]
    public void Reset_null_removes_a_mapping() =>
        Assert.Equal("{services: {web: {image: a}}}", MergeService("image: a\nbuild:\n  context: .", "build: !reset null"));

    [Fact]
    public void Reset_of_an_attribute_never_set_leaves_nothing() =>
        Assert.Equal("{services: {web: {image: a}}}", MergeService("image: a", "ports: !reset []"));

    [Fact]
    public void Reset_service_removes_it() =>
        Assert.Equal(
            "{services: {db: {image: pg}}}",
            MergeFiles("services:\n  web:\n    image: a\n  db:\n    image: pg\n", "services:\n  web: !reset {}\n"));

    [Fact]
    public void Override_replaces_instead_of_merging() =>
        Assert.Equal(
            "{services: {web: {environment: {B: 2}}}}",
            MergeService("environment:\n  A: 1", "environment: !override\n  B: 2"));

    [Fact]
    public void Override_replaces_a_sequence() =>
        Assert.Equal(
            "{services: {web: {ports: [\"81:81\"]}}}",
            MergeService("ports: [\"80:80\"]", "ports: !override [\"81:81\"]"));

    [Fact]
    public void Later_file_merges_normally_over_an_overridden_value() =>
        Assert.Equal(
            "{services: {web: {environment: {B: 2, C: 3}}}}",
            MergeFiles(
                "services:\n  web:\n    environment:\n      A: 1\n",
                "services:\n  web:\n    environment: !override\n      B: 2\n",
                "services:\n  web:\n    environment:\n      C: 3\n"));

    [Fact]
    public void Reset_in_a_single_file_drops_the_attribute() =>
        Assert.Equal("{services: {web: {image: a}}}", MergeFiles("services:\n  web:\n    image: a\n    ports: !reset []\n"));
}
