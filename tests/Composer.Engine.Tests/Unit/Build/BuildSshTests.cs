using Composer.Engine.Build;
using Composer.Model;

namespace Composer.Engine.Tests.Unit.Build;

/// <summary>build.ssh: its forms, where each id leads, and what is refused before building.</summary>
public sealed class BuildSshTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("composer-build-ssh-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_list_and_a_mapping_give_ids_with_paths_and_an_id_alone_means_the_agent_of_SSH_AUTH_SOCK()
    {
        Assert.Equal([("default", ""), ("deploy", "~/.ssh/id_ed25519")], BuildSsh.Entries(Build(new List<object?> { "default", "deploy=~/.ssh/id_ed25519" })));
        Assert.Equal([("default", ""), ("deploy", "keys/deploy")], BuildSsh.Entries(Build(new Dictionary<string, object?> { ["default"] = null, ["deploy"] = "keys/deploy" })));

        var key = WriteKey("keys/deploy");
        var resolved = BuildSsh.Resolve(Build(new List<object?> { "default", "deploy=keys/deploy" }), folder, Environment(("SSH_AUTH_SOCK", "/run/agent.sock")));

        Assert.Equal("/run/agent.sock", resolved["default"].Path);
        Assert.Equal(key, resolved["deploy"].Path);
        Assert.True(resolved["deploy"].KeyFile);
    }

    [Fact]
    public void No_agent_a_missing_path_a_key_file_without_openssh_and_a_repeated_id_are_each_one_line()
    {
        WriteKey("deploy.key");
        Directory.CreateDirectory(Path.Combine(folder, "dir"));
        var build = Build(new List<object?> { "default", "gone=missing.sock", "deploy=deploy.key", "dir=dir", "gone=other" });

        var problems = BuildSsh.Problems(build, folder, Environment(), _ => false).ToList();

        Assert.Equal(
            [
                "ssh lists the id \"gone\" more than once",
                "ssh (default): SSH_AUTH_SOCK is not set, so there is no ssh agent to forward (start one with ssh-agent and ssh-add your key, or name a socket or key file: default=/path)",
                $"ssh (gone): {folder}/missing.sock, which does not exist",
                $"ssh (deploy): {folder}/deploy.key is a key file; loading it for the build needs ssh-agent and ssh-add (OpenSSH's client tools), which are not installed",
                $"ssh (dir): {folder}/dir, which is neither an ssh agent's socket nor a private key file",
                $"ssh (gone): {folder}/other, which does not exist",
            ],
            problems);
        Assert.Equal(
            [$"ssh (default): SSH_AUTH_SOCK names {folder}/agent.sock, which does not exist (is the ssh agent running?)"],
            BuildSsh.Problems(Build(new List<object?> { "default" }), folder, Environment(("SSH_AUTH_SOCK", Path.Combine(folder, "agent.sock"))), _ => true));
    }

    [Fact]
    public void The_dockerfiles_ssh_mounts_must_be_forwarded()
    {
        File.WriteAllText(Path.Combine(folder, "Dockerfile"), "FROM busybox\n  # RUN --mount=type=ssh,id=commented\nRUN --mount=type=ssh,id=deploy,required=true git clone x\nRUN --mount=type=cache,target=/c --mount=type=ssh true\n");

        Assert.Equal(["deploy", "default"], BuildSsh.MountedIds(File.ReadAllText(Path.Combine(folder, "Dockerfile"))));
        Assert.Equal(
            [
                "the Dockerfile mounts the ssh agent \"deploy\" (RUN --mount=type=ssh), and ssh forwards none (add ssh: [deploy] to forward $SSH_AUTH_SOCK)",
                "the Dockerfile mounts the ssh agent \"default\" (RUN --mount=type=ssh), and ssh forwards none (add ssh: [default] to forward $SSH_AUTH_SOCK)",
            ],
            BuildSsh.Problems(new BuildConfig { Context = folder }, folder, Environment(), _ => true));
        Assert.Equal(["default"], BuildSsh.MountedIds("FROM x\nRUN --mount=\"type=ssh\" true\n"));
        Assert.Empty(BuildSsh.MountedIds("FROM x\nRUN --mount=type=secret,id=ssh true\n"));
    }

    private static BuildConfig Build(object value) => new()
    {
        Context = "/nonexistent-context",
        Other = new Extensions(new Dictionary<string, object?> { ["ssh"] = value }),
    };

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;

    private string WriteKey(string path)
    {
        var file = Path.Combine(folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----\n");
        return file;
    }
}
