using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Time.Testing;

namespace SellerPortal.Tests.Integrations.TikTokShop.Support;

/// <summary>
/// Stands where the resilience handler will stand (outside the signing handler): sends every request twice, a
/// second later by the fake clock, and records the sign and timestamp each attempt carried.
/// </summary>
public sealed class ResendOnceMessageHandler(FakeTimeProvider clock) : DelegatingHandler
{
    public List<(string Sign, string Timestamp)> Attempts { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var first = await base.SendAsync(request, cancellationToken);
        Record(request);
        first.Dispose();
        clock.Advance(TimeSpan.FromSeconds(1));
        var second = await base.SendAsync(request, cancellationToken);
        Record(request);
        return second;
    }

    private void Record(HttpRequestMessage request)
    {
        var query = QueryHelpers.ParseQuery(request.RequestUri!.Query);
        Attempts.Add((query["sign"].ToString(), query["timestamp"].ToString()));
    }
}
