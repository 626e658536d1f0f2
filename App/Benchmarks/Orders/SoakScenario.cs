using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Amazon;
using SellerPortal.Sandbox.Common;
using SellerPortal.Sandbox.Ebay;
using SellerPortal.Sandbox.TikTokShop;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// The soak, shared by <c>SoakTests</c> (a few hundred orders) and <c>bench soak</c> (thousands): buyers order on
/// TikTok Shop, Amazon and two eBay stores that list the same SKUs (<see cref="SoakAccounts"/>) while the emulators answer 20% 5xx, a share of timeouts and bursts of 429; TikTok's
/// signed webhooks arrive twice and out of order; orders ship or are cancelled on the channel's side; the caller
/// restarts the portal once in the middle. <see cref="SoakCheck"/> then says what is wrong. The host (test factory or
/// real Kestrel) is the caller's: each step takes the current host's services and an HTTP client to it.
/// </summary>
internal sealed class SoakScenario(IReadOnlyList<SoakAccount> accounts, IReadOnlyList<string> skus, int seed, EmulatedChannels emulators)
{
    private readonly Random random = new(seed);
    private readonly HashSet<string> closed = new(StringComparer.Ordinal);
    private readonly Dictionary<FaultDecision, long> faults = [];
    private bool faultsOn;

    public IReadOnlyList<SoakAccount> Accounts => accounts;

    /// <summary>Order ids the emulators' generators handed back, per account.</summary>
    public Dictionary<SoakAccount, List<string>> Generated { get; } = accounts.ToDictionary(a => a, _ => new List<string>());

    /// <summary>Orders a buyer could not place: the channel showed too few units.</summary>
    public int Refused { get; private set; }

    public int ShippedOnChannel { get; private set; }

    public int CancelledOnChannel { get; private set; }

    public int CreatedCancelled { get; private set; }

    public int WebhooksDelivered { get; private set; }

    public int WebhookReplays { get; private set; }

    public IReadOnlyDictionary<FaultDecision, long> Faults => faults;

    /// <summary>"database is locked" errors <see cref="SoakDatabaseFaults"/> raised inside the handlers' writes.</summary>
    public int DatabaseBusy { get; private set; }

    /// <summary>Adds what the host's database faults injected (call once per host, before it goes).</summary>
    public void CollectDatabaseFaults(IServiceProvider services) => DatabaseBusy += services.GetService<SoakDatabaseFaults>()?.Injected ?? 0;

    /// <summary>
    /// Fast resilience so faults cost retries rather than waiting: the per-channel keys (a shared
    /// <c>Channels:Resilience:*</c> is not read), the queue's backoff, and the emulators' fault dice seeded.
    /// </summary>
    public static Dictionary<string, string?> Settings(int seed)
    {
        var settings = new Dictionary<string, string?>
        {
            // Thirty attempts of 50 ms doubling to 2 s: about 50 s of retrying, longer than the restart leaves the
            // emulators (in the same process) unreachable, so a job is not dead-lettered for the restart alone.
            ["Sync:BaseBackoff"] = "00:00:00.050",
            ["Sync:MaxBackoff"] = "00:00:02",
            ["Sync:MaxAttempts"] = "30",
            ["Sandbox:FaultSeed"] = seed.ToString(CultureInfo.InvariantCulture),
            // Thousands of retries, each a warning: written to the console they cost more than the calls.
            ["Logging:LogLevel:Polly"] = "None",
            ["Logging:LogLevel:SellerPortal.Features.Sync"] = "Error",
            ["Logging:LogLevel:SellerPortal.Features.Orders"] = "Error",
            ["Logging:LogLevel:SellerPortal.Features.Inventory"] = "Error",
            ["Logging:LogLevel:SellerPortal.Integrations"] = "Error",
            ["Logging:LogLevel:System.Net.Http"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
        };
        // Every kind: settings for a channel without a client are never read.
        foreach (var channel in ChannelNames.InDisplayOrder)
        {
            var key = $"Channels:Resilience:{channel}";
            settings[$"{key}:BaseDelay"] = "00:00:00.020";
            settings[$"{key}:MaxDelay"] = "00:00:00.200";
            // An injected timeout costs one attempt timeout; the breaker samples over at least two of them.
            settings[$"{key}:AttemptTimeout"] = "00:00:01";
            settings[$"{key}:TotalTimeout"] = "00:00:10";
            settings[$"{key}:BreakerSamplingDuration"] = "00:00:05";
            settings[$"{key}:BreakerBreakDuration"] = "00:00:00.500";
        }

        return settings;
    }

    /// <summary>
    /// Faults on: 20% 5xx, 2% timeouts, and (<see cref="DriveAsync"/>, each round) a burst of five 429s on TikTok and
    /// eBay. Not on Amazon: its client waits out the rate the 429's header publishes (getOrders about one a minute),
    /// which would park the import for a minute a burst. Published rate limits stay off: the soak is about faults, not
    /// about the channels' quotas.
    /// </summary>
    public void SetFaults(SandboxFaults sandbox, bool on)
    {
        faultsOn = on;
        foreach (var channel in emulators.InDisplayOrder.Select(StoreChannel))
        {
            sandbox.Reset(channel);
            sandbox.Set(channel, on ? new FaultSettings { RateLimitsEnabled = false, ErrorRate = 0.2, TimeoutRate = 0.02 } : new FaultSettings { RateLimitsEnabled = false });
        }
    }

    /// <summary>
    /// Raises the Amazon account's client-side budget (5 calls/s account-wide, searchOrders one page a minute after a
    /// burst of 20) the way an account with a larger usage plan is configured: the soak re-scans often and is about
    /// faults, not quotas (the emulators' own limits are off). Call right after connecting: the budget is read when the
    /// account's first call goes out.
    /// </summary>
    public static async Task RaiseAmazonClientLimitsAsync(IServiceProvider services, int amazonAccountId, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var account = await db.ChannelAccounts.SingleAsync(a => a.Id == amazonAccountId, ct);
        account.PropertiesJson = Features.Channels.ChannelAccountContexts.MergeProperties(
            account.PropertiesJson, new Dictionary<string, string>
            {
                [Integrations.Common.ChannelRateLimits.RequestsPerSecondProperty] = "200",
                [Integrations.Common.ChannelRateLimits.BurstProperty] = "200",
                [Integrations.Common.ChannelRateLimits.OperationScaleProperty] = "1000",
            });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds what this host's emulators injected (call before the host goes away, and at the end).</summary>
    public void CollectFaults(SandboxFaults sandbox)
    {
        foreach (var (decision, count) in emulators.InDisplayOrder.SelectMany(c => sandbox.Injected(StoreChannel(c))))
        {
            faults[decision] = faults.GetValueOrDefault(decision) + count;
        }
    }

    /// <summary>
    /// About <paramref name="orders"/> buyer orders in batches of up to <paramref name="maxBatch"/>, rotating the accounts,
    /// a random SKU each; one batch in eight made cancelled. TikTok's webhooks are sent as the orders are made, then
    /// every one again, newest first.
    /// </summary>
    public async Task GenerateAsync(HttpClient http, int orders, int maxBatch, CancellationToken ct)
    {
        var webhooks = new List<JsonElement>();
        for (var (left, b) = (orders, 0); left > 0; b++)
        {
            var account = accounts[b % accounts.Count];
            var count = Math.Min(left, random.Next(5, maxBatch + 1));
            left -= count;
            var sku = skus[random.Next(skus.Count)];
            var cancelled = random.Next(8) == 0;
            var body = OrdersBody(account, count, sku, webhooks: true);
            switch (account.Channel)
            {
                case ChannelKind.TikTokShop:
                    body["status"] = cancelled ? "CANCELLED" : "AWAITING_SHIPMENT";
                    break;
                case ChannelKind.Amazon:
                    body["status"] = cancelled ? "Canceled" : "Unshipped";
                    break;
                default:
                    body["cancelled"] = cancelled;
                    break;
            }

            var ids = await PlaceAsync(http, account, body, webhooks, ct);
            if (cancelled)
            {
                CreatedCancelled += ids.Count;
                closed.UnionWith(ids);
            }
        }

        await ReplayAsync(http, webhooks, ct);
    }

    /// <summary>
    /// Sales crossing a push, for every SKU: an order on Amazon and on eBay (both polled, so not yet imported), then one
    /// on TikTok Shop whose webhook makes the portal push the SKU's figure to Amazon and eBay at once, a figure without
    /// their sales, which it sets over their own decrement. Only the import of their sales, pushed back to them too,
    /// puts that right. The queue is drained (TikTok's refresh, then the pushes) before anything re-scans Amazon and eBay.
    /// Both eBay stores sell each SKU too, so the push meets two stores' own decrements.
    /// </summary>
    public async Task CrossAsync(HttpClient http, IServiceProvider services, CancellationToken ct)
    {
        foreach (var sku in skus)
        {
            foreach (var account in accounts.OrderBy(a => a.Channel == ChannelKind.TikTokShop))
            {
                // The TikTok order's webhook is sent by the emulator as it is made, not replayed.
                await PlaceAsync(http, account, OrdersBody(account, 1, sku, webhooks: true), replays: null, ct);
            }
        }

        var dispatcher = services.GetRequiredService<SyncDispatcher>();
        await dispatcher.DrainAllAsync(ct);
        await dispatcher.DrainAllAsync(ct);
    }

    /// <summary>
    /// About <paramref name="share"/> of the open orders move on the channel's side: half ship (outside the portal),
    /// half are cancelled by the buyer (the channel puts the units back). TikTok's webhooks again sent twice, newest first.
    /// </summary>
    public async Task ChangeOnChannelsAsync(HttpClient http, double share, CancellationToken ct)
    {
        var webhooks = new List<JsonElement>();
        foreach (var (account, generated) in Generated)
        {
            var channel = account.Channel;
            var open = generated.Where(id => !closed.Contains(id)).ToList();
            foreach (var id in open.Where(_ => random.NextDouble() < share).ToList())
            {
                var ship = random.Next(2) == 0;
                object body = channel switch
                {
                    ChannelKind.TikTokShop => new Dictionary<string, object> { ["status"] = ship ? "IN_TRANSIT" : "CANCELLED", ["send_webhook"] = true },
                    ChannelKind.Amazon => new Dictionary<string, object> { ["status"] = ship ? "Shipped" : "Canceled" },
                    _ => ship ? new Dictionary<string, object> { ["fulfillmentStatus"] = "FULFILLED" } : new Dictionary<string, object> { ["cancelled"] = true },
                };
                using var doc = await PostAsync(http, $"/sandbox/{emulators.PathOf(channel)}/_control/orders/{id}/status", body, ct);
                if (doc.RootElement.TryGetProperty("webhook", out var hook))
                {
                    webhooks.Add(hook.Clone());
                }

                closed.Add(id);
                if (ship)
                {
                    ShippedOnChannel++;
                }
                else
                {
                    CancelledOnChannel++;
                }
            }
        }

        await ReplayAsync(http, webhooks, ct);
    }

    /// <summary>Re-scans every account and drains the queue, <paramref name="rounds"/> times.</summary>
    public async Task DriveAsync(IServiceProvider services, int rounds, CancellationToken ct)
    {
        var scheduler = services.GetRequiredService<OrderImportScheduler>();
        var dispatcher = services.GetRequiredService<SyncDispatcher>();
        for (var r = 0; r < rounds; r++)
        {
            if (faultsOn)
            {
                var sandbox = services.GetRequiredService<SandboxFaults>();
                sandbox.Queue429(TikTokShopSandboxStore.Channel, 5);
                sandbox.Queue429(EbaySandboxCollections.Channel, 5);
            }

            // A few "database is locked" inside the handlers' writes, each round the faults are on.
            if (services.GetService<SoakDatabaseFaults>() is { } database)
            {
                database.Arm(faultsOn ? 5 : 0);
            }

            foreach (var account in accounts)
            {
                await scheduler.RescanAsync(account.Id, 1, ct);
            }

            await dispatcher.DrainAllAsync(ct);
        }
    }

    /// <summary>
    /// With the faults off, drives until every order the emulators hold is imported and the queue is empty after a
    /// full re-scan, or throws <see cref="TimeoutException"/> with what was still missing at <paramref name="limit"/>.
    /// </summary>
    public async Task SettleAsync(IServiceProvider services, TimeSpan limit, CancellationToken ct)
    {
        // TikTok's update times are whole seconds and its import reads up to now, exclusive: the last change is only
        // read once its second has passed.
        await Task.Delay(TimeSpan.FromSeconds(1.1), ct);
        var contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var expected = Generated.Values.Sum(g => g.Count);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            await DriveAsync(services, 1, ct);
            await using var db = await contexts.CreateDbContextAsync(ct);
            var imported = await db.Orders.CountAsync(ct);
            var busy = await db.SyncJobs.CountAsync(j => j.Status == SyncJobStatus.Pending || j.Status == SyncJobStatus.Running, ct);
            if (imported >= expected && busy == 0)
            {
                return;
            }

            if (DateTime.UtcNow >= deadline)
            {
                var jobs = await db.SyncJobs.Where(j => j.Status == SyncJobStatus.Pending || j.Status == SyncJobStatus.Running).Take(10)
                    .Select(j => $"{j.ChannelAccountId} {j.Kind} {j.Status} attempts {j.Attempts} next {j.NextAttemptUtc:HH:mm:ss.fff} {j.LastError}").ToListAsync(ct);
                throw new TimeoutException($"Not settled after {limit.TotalSeconds:F0} s with faults off: {imported} of {expected} orders imported, " +
                    $"{busy} sync jobs pending or running: {string.Join(" | ", jobs)}");
            }

            await Task.Delay(200, ct);
        }
    }

    private static string StoreChannel(ChannelKind channel) => channel switch
    {
        ChannelKind.TikTokShop => TikTokShopSandboxStore.Channel,
        ChannelKind.Amazon => AmazonSandboxCollections.Channel,
        _ => EbaySandboxCollections.Channel,
    };

    /// <summary>
    /// A generator body for the account's emulator partition: TikTok's shop, eBay's store (its username); Amazon has one
    /// seller. TikTok sends its order webhooks as the orders are made when <paramref name="webhooks"/> is set.
    /// </summary>
    private static Dictionary<string, object> OrdersBody(SoakAccount account, int count, string sku, bool webhooks) => account.Channel switch
    {
        ChannelKind.TikTokShop => new() { ["shop_id"] = account.Partition!, ["count"] = count, ["seller_skus"] = new[] { sku }, ["send_webhooks"] = webhooks },
        ChannelKind.Ebay => new() { ["username"] = account.Partition!, ["count"] = count, ["skus"] = new[] { sku } },
        _ => new() { ["count"] = count, ["skus"] = new[] { sku } },
    };

    /// <summary>
    /// Places the orders, records their ids under the account and what was refused, and keeps the webhooks TikTok sent
    /// for <paramref name="replays"/> (null: not replayed).
    /// </summary>
    private async Task<List<string>> PlaceAsync(HttpClient http, SoakAccount account, Dictionary<string, object> body, List<JsonElement>? replays, CancellationToken ct)
    {
        using var doc = await PostAsync(http, $"/sandbox/{emulators.PathOf(account.Channel)}/_control/orders", body, ct);
        var root = doc.RootElement;
        var ids = (root.TryGetProperty("order_ids", out var snake) ? snake : root.GetProperty("orderIds")).EnumerateArray().Select(e => e.GetString()!).ToList();
        Generated[account].AddRange(ids);
        Refused += root.GetProperty("refused").GetInt32();
        if (replays is not null && root.TryGetProperty("webhooks", out var hooks))
        {
            replays.AddRange(hooks.EnumerateArray().Select(h => h.Clone()));
        }

        return ids;
    }

    private static async Task<JsonDocument> PostAsync(HttpClient http, string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text);
    }

    /// <summary>Each TikTok webhook again, newest first: every one arrives twice, and out of order.</summary>
    private async Task ReplayAsync(HttpClient http, List<JsonElement> webhooks, CancellationToken ct)
    {
        WebhooksDelivered += webhooks.Count(h => h.TryGetProperty("status_code", out var s) && s.ValueKind == JsonValueKind.Number && s.GetInt32() is >= 200 and < 300);
        webhooks.Reverse();
        foreach (var hook in webhooks)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/TikTokShop")
            {
                Content = new StringContent(hook.GetProperty("body").GetString()!, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", hook.GetProperty("authorization").GetString());
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"A replayed TikTok webhook answered {(int)response.StatusCode}.");
            }

            WebhookReplays++;
        }
    }
}
