using Composer.Loader.Tests.Binding;
using Composer.Loader.Writing;
using Xunit;

namespace Composer.Loader.Tests.Writing;

public sealed class ProjectListingTests
{
    private const string Yaml = """
        services:
          web:
            image: nginx
            profiles: [front, debug]
          api:
            build: ./api
            profiles: [debug]
        volumes:
          data:
        networks:
          back:
        """;

    [Fact]
    public void Listings_name_services_volumes_networks_profiles_and_images()
    {
        var project = BindingHarness.Load(Yaml);

        Assert.Equal(["api", "web"], ProjectListing.Services(project));
        Assert.Equal(["data"], ProjectListing.Volumes(project));
        Assert.Equal(["back", "default"], ProjectListing.Networks(project));
        Assert.Equal(["debug", "front"], ProjectListing.Profiles(project));
        Assert.Equal(["demo-api", "nginx"], ProjectListing.Images(project));
    }
}
