using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using SellerPortal.Data;

namespace SellerPortal.Tests.Data;

public sealed class KeyRingProductionTests
{
    [Fact]
    public void AddDatabase_InProductionWithoutACertificate_RefusesToStart_NamingTheSettings()
    {
        var builder = Builder("Production", new() { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Sqlite"] = "Data Source=:memory:" });

        var ex = Assert.Throws<InvalidOperationException>(() => builder.AddDatabase());

        Assert.Contains("DataProtection:CertificatePath", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:AcceptUnencryptedKeys=true", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddDatabase_InProductionWithTheRiskAccepted_StartsAndWarnsOnce()
    {
        var builder = Builder("Production", new()
        {
            ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Sqlite"] = "Data Source=:memory:",
            ["DataProtection:AcceptUnencryptedKeys"] = "true",
        });

        builder.AddDatabase();

        Assert.Single(builder.Services, d => d.ImplementationType == typeof(UnencryptedKeyRingWarning));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Testing")]
    public void AddDatabase_OutsideProductionWithoutACertificate_StartsWithoutTheWarning(string environment)
    {
        var builder = Builder(environment, new() { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Sqlite"] = "Data Source=:memory:" });

        builder.AddDatabase();

        Assert.DoesNotContain(builder.Services, d => d.ImplementationType == typeof(UnencryptedKeyRingWarning));
    }

    [Fact]
    public void RefusalIn_ProductionWithACertificatePath_IsNull()
    {
        var options = new KeyRingOptions { CertificatePath = "/keys/ring.pfx" };

        Assert.Null(options.RefusalIn(new FixedEnvironment("Production")));
        Assert.False(options.RunsUnencryptedByChoice(new FixedEnvironment("Production")));
    }

    private static HostApplicationBuilder Builder(string environment, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment, DisableDefaults = true, ContentRootPath = Path.GetTempPath(),
        });
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }

    private sealed class FixedEnvironment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "SellerPortal";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
