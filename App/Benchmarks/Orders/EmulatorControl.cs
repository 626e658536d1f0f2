using System.Text.Json;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>The emulators' control endpoints over HTTP: buyer orders and fault injection, as a test or a person uses them.</summary>
internal sealed class EmulatorControl(HttpClient http, string tiktokShopId, EmulatedChannels emulators) : IDisposable
{
    /// <summary>The generators take at most this many orders per call.</summary>
    public const int MaxPerCall = 10_000;

    private string PathOf(ChannelKind channel) => emulators.PathOf(channel);

    /// <summary>Places <paramref name="count"/> orders of <paramref name="sku"/>; returns the channel's order ids.</summary>
    public async Task<IReadOnlyList<string>> PlaceOrdersAsync(ChannelKind channel, int count, string sku, bool webhooks, CancellationToken ct)
    {
        var ids = new List<string>(count);
        for (var done = 0; done < count; done += MaxPerCall)
        {
            var n = Math.Min(MaxPerCall, count - done);
            object body = channel == ChannelKind.TikTokShop
                ? new Dictionary<string, object> { ["shop_id"] = tiktokShopId, ["count"] = n, ["seller_skus"] = new[] { sku }, ["send_webhooks"] = webhooks }
                : new Dictionary<string, object> { ["count"] = n, ["skus"] = new[] { sku } };
            using var response = await http.PostAsJsonAsync($"/sandbox/{PathOf(channel)}/_control/orders", body, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{channel} order generator answered {(int)response.StatusCode}: {text}");
            }

            using var doc = JsonDocument.Parse(text);
            var list = doc.RootElement.TryGetProperty("order_ids", out var snake) ? snake : doc.RootElement.GetProperty("orderIds");
            ids.AddRange(list.EnumerateArray().Select(e => e.GetString()!));
        }

        return ids;
    }

    public async Task SetFaultsAsync(ChannelKind channel, FaultSettings faults, int queue429, CancellationToken ct)
    {
        // One fault contract for every emulator (SandboxFaultEndpoints).
        using var response = await http.PostAsJsonAsync($"/sandbox/{PathOf(channel)}/_control/faults?queue429={queue429}", faults, ct);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => http.Dispose();
}
