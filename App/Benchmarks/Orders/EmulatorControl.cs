using System.Text;
using System.Text.Json;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// The emulators' common control contract (<see cref="ISandboxControl"/>) over HTTP, as a test or a person uses it:
/// buyer orders, order moves, what each emulator holds and shows, faults, and the replay of the webhooks it signed.
/// Nothing here knows a marketplace: every channel with an emulator is driven the same way. The HTTP client stays
/// the caller's (a test server's or the bench's), who disposes it.
/// </summary>
internal sealed class EmulatorControl(HttpClient http, EmulatedChannels emulators)
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public EmulatedChannels Emulators => emulators;

    public Task<SandboxControlAbout> AboutAsync(ChannelKind channel, CancellationToken ct) => GetAsync<SandboxControlAbout>(channel, "", ct);

    /// <summary>Places the orders, <see cref="SandboxOrderRequest.MaxPerCall"/> a call; the ids, the refusals and the webhooks of every call.</summary>
    public async Task<SandboxPlacedOrders> PlaceOrdersAsync(ChannelKind channel, SandboxOrderRequest request, CancellationToken ct)
    {
        var (ids, refused, webhooks) = (new List<string>(request.Count), 0, new List<SandboxWebhook>());
        for (var done = 0; done < request.Count; done += SandboxOrderRequest.MaxPerCall)
        {
            var placed = await PostAsync<SandboxPlacedOrders>(channel, "buyer-orders",
                request with { Count = Math.Min(SandboxOrderRequest.MaxPerCall, request.Count - done) }, ct);
            ids.AddRange(placed.OrderIds);
            refused += placed.Refused;
            webhooks.AddRange(placed.Webhooks ?? []);
        }

        return new SandboxPlacedOrders(ids, refused, webhooks);
    }

    public Task<SandboxOrderMoved> SetOrderStateAsync(ChannelKind channel, string orderId, SandboxOrderStateRequest request, CancellationToken ct) =>
        PostAsync<SandboxOrderMoved>(channel, $"buyer-orders/{Uri.EscapeDataString(orderId)}/state", request, ct);

    /// <summary>Each order the seller's partition holds (every seller when null) and the status word the channel shows.</summary>
    public async Task<Dictionary<string, string>> OrderStatusesAsync(ChannelKind channel, string? seller, CancellationToken ct) =>
        (await GetAsync<SandboxOrders>(channel, "buyer-orders" + Seller(seller), ct)).Orders.ToDictionary(o => o.OrderId, o => o.Status, StringComparer.Ordinal);

    /// <summary>Each SKU the seller lists (every seller when null).</summary>
    public async Task<IReadOnlyList<SandboxListedSku>> ListingsAsync(ChannelKind channel, string? seller, CancellationToken ct) =>
        (await GetAsync<SandboxListedSkus>(channel, "listings" + Seller(seller), ct)).Listings;

    /// <summary>What buyers see per SKU the seller lists.</summary>
    public async Task<Dictionary<string, int>> QuantitiesAsync(ChannelKind channel, string? seller, CancellationToken ct) =>
        (await ListingsAsync(channel, seller, ct)).GroupBy(l => l.Sku, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Quantity, StringComparer.Ordinal);

    public async Task SetFaultsAsync(ChannelKind channel, FaultSettings faults, int queue429, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync($"{Base(channel)}faults?queue429={queue429}", faults, ct);
        await EnsureAsync(response, ct);
    }

    /// <summary>Posts a webhook the emulator signed to the portal's endpoint for the channel, as the marketplace would again.</summary>
    public async Task ReplayAsync(ChannelKind channel, SandboxWebhook webhook, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/webhooks/{channel}") { Content = new StringContent(webhook.Body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in webhook.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"A replayed {ChannelNames.Display(channel)} webhook answered {(int)response.StatusCode}.");
        }
    }

    private string Base(ChannelKind channel) => $"/sandbox/{emulators.PathOf(channel)}/_control/";

    private static string Seller(string? seller) => seller is null ? "" : "?seller=" + Uri.EscapeDataString(seller);

    private async Task<T> GetAsync<T>(ChannelKind channel, string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(Base(channel) + path, ct);
        await EnsureAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    private async Task<T> PostAsync<T>(ChannelKind channel, string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(Base(channel) + path, body, Json, ct);
        await EnsureAsync(response, ct);
        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
