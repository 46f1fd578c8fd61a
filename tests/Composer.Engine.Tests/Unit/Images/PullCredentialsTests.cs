using System.Text;
using Composer.Engine.Registry;

namespace Composer.Engine.Tests.Unit.Images;

public sealed class PullCredentialsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("composer-docker-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Auths_entries_give_the_decoded_user_and_password_of_the_image_registry()
    {
        WriteAuths("127.0.0.1:5000", "ci-user:s3cret:with-colon");

        var credentials = Store().For("127.0.0.1:5000/team/app:v1");

        Assert.NotNull(credentials);
        Assert.Equal(("127.0.0.1:5000", "ci-user", "s3cret:with-colon"), (credentials.ServerAddress, credentials.Username, credentials.Password));
        Assert.DoesNotContain("s3cret", credentials.ToString());
    }

    [Fact]
    public void Docker_hub_images_use_the_index_entry_and_other_registries_get_nothing()
    {
        WriteAuths("https://index.docker.io/v1/", "hub:pw");

        Assert.Equal("hub", Store().For("redis:7")?.Username);
        Assert.Null(Store().For("ghcr.io/owner/app"));
    }

    [Fact]
    public void Entries_written_as_urls_match_their_host()
    {
        WriteAuths("https://registry.example.test/v2/", "u:p");

        Assert.Equal("u", Store().For("registry.example.test/app:1")?.Username);
    }

    [Fact]
    public void No_config_file_means_anonymous_access() =>
        Assert.Null(Store().For("redis:7"));

    [Fact]
    public void Docker_config_variable_wins_over_home()
    {
        var store = RegistryCredentialStore.FromEnvironment(new Dictionary<string, string> { ["DOCKER_CONFIG"] = _folder, ["HOME"] = "/nonexistent" });

        Assert.Equal(Path.Combine(_folder, "config.json"), store.ConfigFile);
        Assert.Equal("/nonexistent/.docker/config.json", RegistryCredentialStore.FromEnvironment(new Dictionary<string, string> { ["HOME"] = "/nonexistent" }).ConfigFile);
    }

    // The stand-in helper is a shell script.
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void A_cred_helper_named_for_the_registry_is_asked_with_the_host_on_stdin()
    {
        // The helper echoes what it was asked for in the user name, so the test sees the protocol was followed.
        var bin = Path.Combine(_folder, "bin");
        Directory.CreateDirectory(bin);
        var helper = Path.Combine(bin, "docker-credential-composertest");
        File.WriteAllText(helper, "#!/bin/sh\n[ \"$1\" = get ] || exit 3\nread -r server\nprintf '{\"ServerURL\":\"%s\",\"Username\":\"asked-%s\",\"Secret\":\"helper-secret\"}' \"$server\" \"$server\"\n");
        File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        WriteConfig("""{"credHelpers": {"registry.example.test": "composertest"}, "auths": {"registry.example.test": {"auth": "dTpw"}}}""");

        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", bin + ":" + path);
        try
        {
            var credentials = Store().For("registry.example.test/app:1");

            Assert.Equal(("asked-registry.example.test", "helper-secret"), (credentials?.Username, credentials?.Password));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    private RegistryCredentialStore Store() => new(_folder);

    private void WriteConfig(string json) => File.WriteAllText(Path.Combine(_folder, "config.json"), json);

    private void WriteAuths(string key, string userAndPassword) =>
        WriteConfig("{\"auths\": {\"" + key + "\": {\"auth\": \"" + Base64(userAndPassword) + "\"}}}");

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
