using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Sandbox.Ebay;
using SellerPortal.Tests.Integrations.Ebay.Support;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Ebay;

/// <summary>A resilience handler in the pipeline slot sits outside the bearer handler: each retry asks for the token again.</summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class EbayPipelineTests(EbayEmulatorFixture emulator)
{
    [Fact]
    public async Task ServerErrorThenRetry_EachAttemptFetchesTheToken_WithoutPipelineItSurfacesTheError()
    {
        var factory = emulator.Factory;
        using var host = ClientHost.Build(factory, EbayEmulatorFixture.ClientSettings, builder =>
        {
            builder.AddEbay(http => http.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(10)));
            builder.AddEbaySandbox();
            builder.PointEbayAtEmulator();
            builder.Services.AddSingleton(sp => new EbayTestTokenSource(factory, sp));
            builder.Services.AddSingleton<IAccessTokenSource>(sp => sp.GetRequiredService<EbayTestTokenSource>());
        });
        var tokens = host.Services.GetRequiredService<EbayTestTokenSource>();
        await tokens.ConnectAsync();
        var account = tokens.Account();
        var connector = host.Services.GetRequiredService<EbayConnector>();

        await emulator.ControlAsync("faults?queue5xx=1", new { });
        var before = tokens.Fetches;
        var result = await connector.TestConnectionAsync(account, CancellationToken.None);

        Assert.True(result.Ok, result.Message);
        Assert.Equal(before + 2, tokens.Fetches);

        await emulator.ControlAsync("faults?queue5xx=1", new { });
        var error = await Assert.ThrowsAsync<ChannelServerException>(() => emulator.Connector.TestConnectionAsync(emulator.Account, CancellationToken.None));
        Assert.Equal("10001", error.ErrorCode);
    }
}
