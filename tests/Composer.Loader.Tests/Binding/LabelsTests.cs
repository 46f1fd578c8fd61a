using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class LabelsTests
{
    [Fact]
    public void List_and_map_forms_give_the_same_labels()
    {
        var fromList = BindingHarness.Web("labels: [\"com.example.a=1\", \"com.example.flag\"]").Labels;
        var fromMap = BindingHarness.Web("labels:\n  com.example.a: 1\n  com.example.flag:").Labels;

        Assert.Equal(fromList, fromMap);
        Assert.Equal("1", fromList["com.example.a"]);
        Assert.Equal(string.Empty, fromList["com.example.flag"]);
    }

    [Fact]
    public void Annotations_sysctls_and_storage_opt_share_the_rules()
    {
        var service = BindingHarness.Web("annotations: [a=b]\nsysctls: [net.core.somaxconn=1024]\nstorage_opt: {size: 20G}");

        Assert.Equal("b", service.Annotations["a"]);
        Assert.Equal("1024", service.Sysctls["net.core.somaxconn"]);
        Assert.Equal("20G", service.StorageOpt["size"]);
    }

    [Fact]
    public void Canonical_form_is_a_sorted_map()
    {
        Assert.Equal("""
            labels:
              a: "1"
              b: ""
              c: x=y

            """, BindingHarness.WebAttributeYaml("labels: [\"c=x=y\", \"a=1\", b]", "labels"));
    }
}
