using static Composer.Loader.Tests.Merge.MergeTestHelper;

namespace Composer.Loader.Tests.Merge;

public sealed class MappingAndScalarMergeTests
{
    [Fact]
    public void Later_scalar_wins() =>
        Assert.Equal("{services: {web: {image: b}}}", MergeService("image: a", "image: b"));

    [Fact]
    public void Mappings_merge_key_by_key() =>
        Assert.Equal(
            "{services: {web: {image: a, restart: always}, db: {image: pg}}}",
            MergeFiles("services:\n  web:\n    image: a\n", "services:\n  web:\n    restart: always\n  db:\n    image: pg\n"));

    [Fact]
    public void Top_level_resources_merge() =>
        Assert.Equal(
            "{networks: {front: {driver: bridge, internal: true}, back: ~}}",
            MergeFiles("networks:\n  front:\n    driver: bridge\n", "networks:\n  front:\n    internal: true\n  back:\n"));

    [Fact]
    public void Three_files_merge_in_order() =>
        Assert.Equal("{services: {web: {image: c}}}", MergeFiles(
            "services:\n  web:\n    image: a\n",
            "services:\n  web:\n    image: b\n",
            "services:\n  web:\n    image: c\n"));

    [Fact]
    public void Empty_later_value_keeps_the_earlier_definition() =>
        Assert.Equal(
            "{networks: {front: {driver: bridge}}}",
            MergeFiles("networks:\n  front:\n    driver: bridge\n", "networks:\n  front:\n"));

    [Fact]
    public void Other_sequences_append() =>
        Assert.Equal(
            "{services: {web: {post_start: [{command: a}, {command: b}]}}}",
            MergeService("post_start: [{command: a}]", "post_start: [{command: b}]"));

    [Fact]
    public void Extension_values_are_replaced_not_merged() =>
        Assert.Equal(
            "{x-common: {b: 2}, services: {web: {x-tags: [b]}}}",
            MergeFiles("x-common: {a: 1}\nservices:\n  web:\n    x-tags: [a]\n", "x-common: {b: 2}\nservices:\n  web:\n    x-tags: [b]\n"));

    [Fact]
    public void Logging_options_merge_for_the_same_driver() =>
        Assert.Equal(
            "{services: {web: {logging: {driver: syslog, options: {a: 1, b: 2}}}}}",
            MergeService("logging:\n  driver: syslog\n  options: {a: 1}", "logging:\n  driver: syslog\n  options: {b: 2}"));

    [Fact]
    public void Logging_with_another_driver_replaces_options() =>
        Assert.Equal(
            "{services: {web: {logging: {driver: local, options: {b: 2}}}}}",
            MergeService("logging:\n  driver: syslog\n  options: {a: 1}", "logging:\n  driver: local\n  options: {b: 2}"));

    [Fact]
    public void Logging_without_driver_merges_options() =>
        Assert.Equal(
            "{services: {web: {logging: {options: {a: 1, b: 2}}}}}",
            MergeService("logging:\n  options: {a: 1}", "logging:\n  options: {b: 2}"));

    [Fact]
    public void Build_string_merges_with_build_mapping() =>
        Assert.Equal(
            "{services: {web: {build: {context: ./app, dockerfile: Dev.Dockerfile}}}}",
            MergeService("build: ./app", "build:\n  dockerfile: Dev.Dockerfile"));

    [Fact]
    public void Healthcheck_fields_merge_but_test_replaces() =>
        Assert.Equal(
            "{services: {web: {healthcheck: {test: [CMD, b], interval: 5s, retries: 3}}}}",
            MergeService("healthcheck:\n  test: [CMD, a, x]\n  interval: 5s", "healthcheck:\n  test: [CMD, b]\n  retries: 3"));

    [Theory]
    [InlineData("command")]
    [InlineData("entrypoint")]
    public void Command_and_entrypoint_replace(string attribute) =>
        Assert.Equal(
            $"{{services: {{web: {{{attribute}: [b]}}}}}}",
            MergeService($"{attribute}: [a, x]", $"{attribute}: [b]"));

    [Fact]
    public void Command_string_replaces_list() =>
        Assert.Equal("{services: {web: {command: echo hi}}}", MergeService("command: [a, x]", "command: echo hi"));

    [Fact]
    public void Marks_of_the_winning_value_are_kept()
    {
        var first = Support.Yaml.Read("services:\n  web:\n    image: a\n", "one.yaml");
        var second = Support.Yaml.Read("services:\n  web:\n\n    image: b\n", "two.yaml");

        var merged = Composer.Loader.Merge.TreeMerger.Merge(first, second);

        var image = Support.Yaml.At(merged, "services.web.image");
        Assert.Equal(new Composer.Loader.Tree.Mark("two.yaml", 4, 12), image.Mark);
    }
}
