using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// The soak, shared by <c>SoakTests</c> (a few hundred orders) and <c>bench soak</c> (thousands): buyers order on
/// every emulated marketplace, two stores of one of them listing the same SKUs (<see cref="SoakAccounts"/>), while the
/// emulators answer 20% 5xx, a share of timeouts and bursts of 429; the signed webhooks of the marketplaces that send
/// them arrive twice and out of order; orders ship or are cancelled on the channel's side; the caller restarts the
/// portal once in the middle. <see cref="SoakCheck"/> then says what is wrong. Everything goes through the emulators'
/// common control contract (<see cref="EmulatorControl"/>), so nothing here names a marketplace. The host (test factory
/// or real Kestrel) is the caller's: each step takes the current host's services and an HTTP client to it.
/// </summary>
internal sealed class SoakScenario(IReadOnlyList<SoakAccount> accounts, IReadOnlyList<string> skus, int seed, EmulatedChannels emulators)
{
    private readonly IReadOnlyList<string> storeChannels = [.. accounts.Select(a => a.Emulator.StoreChannel).Distinct()];
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
    /// Faults on: 20% 5xx, 2% timeouts, and (<see cref="DriveAsync"/>, each round) a burst of five 429s on every
    /// emulator whose client takes a 429 as a retry. Not where the client waits out the rate the 429 publishes
    /// (<see cref="SandboxControlAbout.RateLimitBurstsAreRetries"/>; Amazon's getOrders about one a minute), which would
    /// park the import for a minute a burst. Published rate limits stay off: the soak is about faults, not about the
    /// channels' quotas.
    /// </summary>
    public void SetFaults(SandboxFaults sandbox, bool on)
    {
        faultsOn = on;
        foreach (var channel in storeChannels)
        {
            sandbox.Reset(channel);
            sandbox.Set(channel, on ? new FaultSettings { RateLimitsEnabled = false, ErrorRate = 0.2, TimeoutRate = 0.02 } : new FaultSettings { RateLimitsEnabled = false });
        }
    }

    /// <summary>
    /// Raises the client-side budget of every account whose emulator's 429s are not mere retries (Amazon's: 5 calls/s
    /// account-wide, searchOrders one page a minute after a burst of 20) the way an account with a larger usage plan is
    /// configured: the soak re-scans often and is about faults, not quotas (the emulators' own limits are off). Call
    /// right after connecting: the budget is read when the account's first call goes out.
    /// </summary>
    public static async Task RaiseClientLimitsAsync(IServiceProvider services, IReadOnlyList<SoakAccount> accounts, CancellationToken ct)
    {
        var ids = accounts.Where(a => !a.Emulator.RateLimitBurstsAreRetries).Select(a => a.Id).ToList();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        foreach (var account in await db.ChannelAccounts.Where(a => ids.Contains(a.Id)).ToListAsync(ct))
        {
            account.PropertiesJson = Features.Channels.ChannelAccountContexts.MergeProperties(account.PropertiesJson, new Dictionary<string, string>
            {
                [Integrations.Common.ChannelRateLimits.RequestsPerSecondProperty] = "200",
                [Integrations.Common.ChannelRateLimits.BurstProperty] = "200",
                [Integrations.Common.ChannelRateLimits.OperationScaleProperty] = "1000",
            });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds what this host's emulators injected (call before the host goes away, and at the end).</summary>
    public void CollectFaults(SandboxFaults sandbox)
    {
        foreach (var (decision, count) in storeChannels.SelectMany(sandbox.Injected))
        {
            faults[decision] = faults.GetValueOrDefault(decision) + count;
        }
    }

    /// <summary>
    /// About <paramref name="orders"/> buyer orders in batches of up to <paramref name="maxBatch"/>, rotating the accounts,
    /// a random SKU each; one batch in eight made cancelled. Webhooks are sent as the orders are made, then every one
    /// again, newest first.
    /// </summary>
    public async Task GenerateAsync(HttpClient http, int orders, int maxBatch, CancellationToken ct)
    {
        var control = new EmulatorControl(http, emulators);
        var webhooks = new List<(ChannelKind, SandboxWebhook)>();
        for (var (left, b) = (orders, 0); left > 0; b++)
        {
            var account = accounts[b % accounts.Count];
            var count = Math.Min(left, random.Next(5, maxBatch + 1));
            left -= count;
            var sku = skus[random.Next(skus.Count)];
            var cancelled = random.Next(8) == 0;
            var ids = await PlaceAsync(control, account, new SandboxOrderRequest(count, [sku], Webhooks: true, account.Seller, cancelled), webhooks, ct);
            if (cancelled)
            {
                CreatedCancelled += ids.Count;
                closed.UnionWith(ids);
            }
        }

        await ReplayAsync(control, webhooks, ct);
    }

    /// <summary>
    /// Sales crossing a push, for every SKU: an order on each polled account (so not yet imported), then one on each
    /// account whose marketplace sends order webhooks; the webhook makes the portal push the SKU's figure to the polled
    /// ones at once, a figure without their sales, which it sets over their own decrement. Only the import of their
    /// sales, pushed back to them too, puts that right. The queue is drained (the webhook's refresh, then the pushes)
    /// before anything re-scans the polled accounts. The two shared stores sell each SKU too, so the push meets two
    /// stores' own decrements.
    /// </summary>
    public async Task CrossAsync(HttpClient http, IServiceProvider services, CancellationToken ct)
    {
        var control = new EmulatorControl(http, emulators);
        foreach (var sku in skus)
        {
            foreach (var account in accounts.OrderBy(a => a.Emulator.OrderWebhooks))
            {
                // The webhook is sent by the emulator as the order is made, not replayed.
                await PlaceAsync(control, account, new SandboxOrderRequest(1, [sku], Webhooks: true, account.Seller), replays: null, ct);
            }
        }

        var dispatcher = services.GetRequiredService<SyncDispatcher>();
        await dispatcher.DrainAllAsync(ct);
        await dispatcher.DrainAllAsync(ct);
    }

    /// <summary>
    /// About <paramref name="share"/> of the open orders move on the channel's side: half ship (outside the portal),
    /// half are cancelled by the buyer (the channel puts the units back). Their webhooks again sent twice, newest first.
    /// </summary>
    public async Task ChangeOnChannelsAsync(HttpClient http, double share, CancellationToken ct)
    {
        var control = new EmulatorControl(http, emulators);
        var webhooks = new List<(ChannelKind, SandboxWebhook)>();
        foreach (var (account, generated) in Generated)
        {
            var open = generated.Where(id => !closed.Contains(id)).ToList();
            foreach (var id in open.Where(_ => random.NextDouble() < share).ToList())
            {
                var ship = random.Next(2) == 0;
                var moved = await control.SetOrderStateAsync(account.Channel, id,
                    new SandboxOrderStateRequest(ship ? SandboxOrderState.Shipped : SandboxOrderState.Cancelled, Webhooks: true), ct);
                webhooks.AddRange(moved.Webhooks.Select(w => (account.Channel, w)));
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

        await ReplayAsync(control, webhooks, ct);
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
                foreach (var channel in accounts.Where(a => a.Emulator.RateLimitBurstsAreRetries).Select(a => a.Emulator.StoreChannel).Distinct())
                {
                    sandbox.Queue429(channel, 5);
                }
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

    /// <summary>
    /// Places the orders, records their ids under the account and what was refused, and keeps the webhooks the
    /// emulator signed for <paramref name="replays"/> (null: not replayed).
    /// </summary>
    private async Task<IReadOnlyList<string>> PlaceAsync(EmulatorControl control, SoakAccount account, SandboxOrderRequest request,
        List<(ChannelKind, SandboxWebhook)>? replays, CancellationToken ct)
    {
        var placed = await control.PlaceOrdersAsync(account.Channel, request, ct);
        Generated[account].AddRange(placed.OrderIds);
        Refused += placed.Refused;
        replays?.AddRange((placed.Webhooks ?? []).Select(w => (account.Channel, w)));
        return placed.OrderIds;
    }

    /// <summary>Each webhook again, newest first: every one arrives twice, and out of order.</summary>
    private async Task ReplayAsync(EmulatorControl control, List<(ChannelKind Channel, SandboxWebhook Webhook)> webhooks, CancellationToken ct)
    {
        WebhooksDelivered += webhooks.Count(h => h.Webhook.Delivered);
        webhooks.Reverse();
        foreach (var (channel, webhook) in webhooks)
        {
            await control.ReplayAsync(channel, webhook, ct);
            WebhookReplays++;
        }
    }
}
