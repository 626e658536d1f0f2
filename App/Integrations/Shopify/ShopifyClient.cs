using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Shopify.Dto;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Shopify's GraphQL Admin API: one POST per document to the shop's own host, the access token in
/// <c>X-Shopify-Access-Token</c> (added by the shared token handler). Before each call the shop's cost bucket must hold
/// the document's expected cost (the last requested cost Shopify stated for it, else an estimate); every answer's
/// throttle status feeds the bucket; a THROTTLED answer (never executed, so safe to repeat, even a mutation) is sent
/// again after the refill it needs, a bounded number of times.
/// </summary>
public sealed class ShopifyClient(HttpClient http, IOptions<ShopifyOptions> options, ShopifyCostBuckets buckets, TimeProvider time)
{
    /// <summary>Estimates before Shopify has stated a document's requested cost: a mutation costs 10, a plain read a few points.</summary>
    private static readonly ConcurrentDictionary<string, double> Learned = new(StringComparer.Ordinal);

    public async Task<T> SendAsync<T>(ChannelAccountContext account, string operation, string document, object? variables, double estimatedCost,
        CancellationToken ct, bool retrySafe = true)
    {
        var settings = options.Value;
        var shop = Shop(account);
        var key = operation;
        for (var attempt = 1; ; attempt++)
        {
            var expected = Learned.TryGetValue(key, out var known) ? known : estimatedCost;
            await buckets.ReserveAsync(shop, Math.Min(expected, ShopifyRateLimits.MaxQueryCost), ct);
            var body = new ShopifyGraphQlRequest(document, variables, operation);
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.GraphQlUrl(shop))
            {
                Content = JsonContent.Create(body, options: ShopifyJson.Options),
            }.For(account, operation, retrySafe);
            var (answer, requestId) = await http.SendAsync(ChannelKind.Shopify, request, async (response, ct) =>
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw await ShopifyErrors.FromResponseAsync(response, operation, ct);
                }

                var parsed = await response.Content.ReadFromJsonAsync<ShopifyGraphQlResponse<T>>(ShopifyJson.Options, ct)
                    ?? throw new ChannelServerException(ChannelKind.Shopify, $"Shopify {operation} answered without a body.");
                var id = ChannelErrors.FirstHeader(response.Headers, ChannelErrors.RequestIdHeaders);
                if (parsed.Errors is { Count: > 0 } errors)
                {
                    ChannelCallFacts.Record(response, errors[0].Extensions?.Code, errors[0].Message, id);
                }

                return (parsed, id);
            }, ct);

            var cost = answer.Extensions?.Cost;
            if (cost?.ThrottleStatus is { } status)
            {
                buckets.Observe(shop, status);
            }

            if (cost?.RequestedQueryCost is { } requested && requested > 0)
            {
                Learned[key] = requested;
            }

            if (answer.Errors is { Count: > 0 } failures)
            {
                if (failures.Any(e => e.Extensions?.Code == ShopifyErrors.Throttled) && attempt < settings.ThrottledAttempts)
                {
                    var wait = cost?.ThrottleStatus is { } s ? ShopifyCostBuckets.RefillTime(s, cost.RequestedQueryCost ?? expected) : TimeSpan.FromSeconds(1);
                    await Task.Delay(wait + TimeSpan.FromMilliseconds(50), time, ct);
                    continue;
                }

                throw ShopifyErrors.FromGraphQl(failures, operation, requestId);
            }

            return answer.Data ?? throw new ChannelServerException(ChannelKind.Shopify, $"Shopify {operation} answered without data.");
        }
    }

    public static string Shop(ChannelAccountContext account) =>
        account.ShopId ?? throw new InvalidOperationException("The Shopify account has no shop domain; connect it again.");
}
