using Composer.Cli.Output;

namespace Composer.Cli.Tests.CommandLine;

public sealed class GoTemplateTests
{
    private static readonly IReadOnlyDictionary<string, object?>[] Rows =
    [
        new Dictionary<string, object?> { ["Name"] = "p-web-1", ["Status"] = "Up 2 minutes", ["ExitCode"] = 0, ["Publishers"] = new List<Dictionary<string, object?>> { new() { ["TargetPort"] = 80 } } },
        new Dictionary<string, object?> { ["Name"] = "p-db-1", ["Status"] = "Exited (3)", ["ExitCode"] = 3, ["Publishers"] = new List<Dictionary<string, object?>>() },
    ];

    [Fact]
    public void A_field_per_row()
    {
        Assert.Equal("p-web-1\np-db-1\n", GoTemplate.Parse("{{.Name}}").Render(Rows));
        Assert.Equal("p-web-1 exited 0\n", GoTemplate.Parse("{{ .Name }} exited {{.ExitCode}}").Render([Rows[0]]));
    }

    [Fact]
    public void Json_of_the_row_and_of_a_field()
    {
        Assert.Equal("{\"Name\":\"p-db-1\",\"Status\":\"Exited (3)\",\"ExitCode\":3,\"Publishers\":[]}\n", GoTemplate.Parse("{{json .}}").Render([Rows[1]]));
        Assert.Equal("[{\"TargetPort\":80}]\n", GoTemplate.Parse("{{json .Publishers}}").Render([Rows[0]]));
    }

    [Fact]
    public void Table_prints_a_header_and_aligned_columns()
    {
        var text = GoTemplate.Parse("table {{.Name}}\\t{{.Status}}").Render(Rows, new Dictionary<string, string> { ["Name"] = "NAME" });

        Assert.Equal("NAME      STATUS\np-web-1   Up 2 minutes\np-db-1    Exited (3)\n", text);
    }

    [Fact]
    public void Functions_and_unknown_actions()
    {
        Assert.Equal("P-WEB-1\n", GoTemplate.Parse("{{upper .Name}}").Render([Rows[0]]));
        Assert.Equal("<no value>\n", GoTemplate.Parse("{{.Nope}}").Render([Rows[0]]));
        Assert.Throws<UsageException>(() => GoTemplate.Parse("{{range .}}"));
        Assert.Throws<UsageException>(() => GoTemplate.Parse("{{.Name"));
    }
}
