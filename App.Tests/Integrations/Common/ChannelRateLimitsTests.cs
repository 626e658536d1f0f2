using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Tests.Integrations.Common;

public sealed class ChannelRateLimitsTests
{
    private static readonly ChannelRateLimits Limits = new(100, 100)
    {
        Operations = new Dictionary<string, OperationRateLimit> { ["getOrders"] = new(0.001, 2) },
    };

    private static ChannelAccountContext Account(int id, string? scale = null) => new(id, ChannelKind.Amazon, ChannelEnvironment.Sandbox)
    {
        Properties = scale is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [ChannelRateLimits.OperationScaleProperty] = scale },
    };

    [Fact]
    public async Task AnOperationPastItsBurst_Waits_WhileTheAccountsOtherOperationsGoOn()
    {
        using var limiters = new ChannelRateLimiters(TimeProvider.System);
        var account = Account(1);
        (await limiters.AcquireAsync(ChannelKind.Amazon, Limits, account, "getOrders", CancellationToken.None)).Dispose();
        (await limiters.AcquireAsync(ChannelKind.Amazon, Limits, account, "getOrders", CancellationToken.None)).Dispose();

        using var cancel = new CancellationTokenSource();
        var third = limiters.AcquireAsync(ChannelKind.Amazon, Limits, account, "getOrders", cancel.Token).AsTask();
        using var other = await limiters.AcquireAsync(ChannelKind.Amazon, Limits, account, "putListingsItem", CancellationToken.None);

        Assert.False(third.IsCompleted);
        Assert.Contains(limiters.For(account).Buckets, b => b.Name == "getOrders" && b.TokensAvailable == 0 && b.Waiting == 1);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
    }

    [Fact]
    public async Task AnAccountsOperationScale_RaisesEveryOperationsBurst()
    {
        using var limiters = new ChannelRateLimiters(TimeProvider.System);
        var account = Account(2, scale: "3");
        for (var i = 0; i < 6; i++)
        {
            (await limiters.AcquireAsync(ChannelKind.Amazon, Limits, account, "getOrders", CancellationToken.None)).Dispose();
        }

        var bucket = limiters.For(account).Buckets.Single(b => b.Name == "getOrders");
        Assert.Equal(6, bucket.Burst);
        Assert.Equal(0, bucket.TokensAvailable);
    }
}
