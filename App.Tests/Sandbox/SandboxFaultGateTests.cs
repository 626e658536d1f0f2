using System.Net;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.Features.Listings;

namespace SellerPortal.Tests.Sandbox;

/// <summary>
/// The one fault gate (issue 19) answers an injected fault in each emulator's own envelope, before any check of the
/// call: no token is sent here, yet the answer is the fault, not the emulator's 401 or 403.
/// </summary>
public sealed class SandboxFaultGateTests
{
    public static TheoryData<string, string, string, string> Calls => new()
    {
        // store channel, a call through the gate, the 429 body's marker, the 5xx body's marker
        { "TikTokShop", "/sandbox/tiktok/api/v2/token/get?app_key=x&app_secret=y&auth_code=z&grant_type=authorized_code", "36009002", "36009003" },
        { "amazon", "/sandbox/amazon/feeds/2021-06-30/feeds/F1", "\"QuotaExceeded\"", "\"InternalFailure\"" },
        { "ebay", "/sandbox/ebay/sell/inventory/v1/location", "\"errorId\":2001", "\"errorId\":10001" },
        { "etsy", "/sandbox/etsy/v3/application/shops/1/receipts", "{\"error\":\"Exceeded per second rate limit\"}", "{\"error\":\"Internal server error\"}" },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public async Task AnInjected429And5xx_AreTheEmulatorsOwn_AndOnly429sBesidesAmazonsSayRetryAfter(string channel, string path, string limited, string failed)
    {
        await using var portal = EmulatorPortal.Start();
        using var http = portal.Factory.CreateClient();
        portal.Faults.Set(channel, new FaultSettings { RetryAfterSeconds = 7 });
        portal.Faults.Queue429(channel, 1);

        using var tooMany = await http.GetAsync(path);
        var tooManyBody = await tooMany.Content.ReadAsStringAsync();
        portal.Faults.Set(channel, new FaultSettings { ErrorRate = 1 });
        using var failure = await http.GetAsync(path);
        var failureBody = await failure.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Contains(limited, tooManyBody, StringComparison.Ordinal);
        Assert.Equal(channel == "amazon" ? null : TimeSpan.FromSeconds(7), tooMany.Headers.RetryAfter?.Delta);
        Assert.True((int)failure.StatusCode is 500 or 503, $"{(int)failure.StatusCode} {failureBody}");
        Assert.Contains(failed, failureBody, StringComparison.Ordinal);
        Assert.Equal(1, portal.Faults.Injected(channel).GetValueOrDefault(FaultDecision.TooManyRequests));
    }
}
