using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Sandbox.Amazon;
using SellerPortal.Tests.Integrations.Amazon.Support;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Amazon;

/// <summary>A resilience handler in the pipeline slot sits outside the token handler: each retry asks for the token again.</summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class AmazonPipelineTests(AmazonEmulatorFixture emulator)
{
    [Fact]
    public async Task ServerErrorThenRetry_EachAttemptFetchesTheToken_WithoutPipelineItSurfacesTheError()
    {
        var factory = emulator.Factory;
        using var host = ClientHost.Build(factory, AmazonEmulatorFixture.ClientSettings, builder =>
        {
            builder.AddAmazon(http => http.AddStandardResilienceHandler(o => o.Retry.Delay = TimeSpan.FromMilliseconds(10)));
            builder.AddAmazonSandbox();
            builder.PointAmazonAtEmulator();
            builder.Services.AddSingleton(sp => new AmazonTestTokenSource(factory, sp));
            builder.Services.AddSingleton<IAccessTokenSource>(sp => sp.GetRequiredService<AmazonTestTokenSource>());
        });
        var tokens = host.Services.GetRequiredService<AmazonTestTokenSource>();
        await tokens.ConnectAsync();
        var account = tokens.Account();
        var connector = host.Services.GetRequiredService<AmazonConnector>();

        await emulator.ControlAsync("faults?queue5xx=1", new { rateLimitsEnabled = false });
        var before = tokens.Fetches;
        var result = await connector.TestConnectionAsync(account, CancellationToken.None);

        Assert.True(result.Ok, result.Message);
        Assert.Equal(before + 2, tokens.Fetches);

        await emulator.ControlAsync("faults?queue5xx=1", new { rateLimitsEnabled = false });
        var error = await Assert.ThrowsAsync<ChannelServerException>(() => emulator.Connector.TestConnectionAsync(emulator.Account, CancellationToken.None));
        Assert.Equal("InternalFailure", error.ErrorCode);
        Assert.Equal(500, error.HttpStatus);
    }
}
