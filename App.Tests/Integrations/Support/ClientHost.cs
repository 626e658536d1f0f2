using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Support;

/// <summary>
/// A host with a channel's real registrations (AddX, then the sandbox's post-configuration of its hosts), whose HTTP
/// traffic goes to the portal's emulators through the test server's handler.
/// </summary>
public static class ClientHost
{
    public static IHost Build(PortalAppFactory factory, IDictionary<string, string?> settings, Action<HostApplicationBuilder> register)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings) { ["Sandbox:PortalBaseUrl"] = "http://localhost" });
        builder.Services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName);
        builder.Services.AddLogging();
        register(builder);
        var server = factory.Server;
        builder.Services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => server.CreateHandler()));
        return builder.Build();
    }
}
