using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Benchmarks;
using SellerPortal.Benchmarks.Orders;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.Features.Listings;
using Xunit.Abstractions;

namespace SellerPortal.Tests.Features.Orders;

/// <summary>
/// A short soak of the whole app against every emulator (the scenario and its checks are the ones <c>bench soak</c>
/// runs at scale, <see cref="SoakScenario"/> and <see cref="SoakCheck"/>): a few hundred orders over every emulated
/// marketplace, two stores of one of them listing the same SKUs (<see cref="SoakAccounts"/>), while the emulators
/// answer 20% 5xx, timeouts and bursts of 429, order webhooks arrive twice and out of order, orders ship or are cancelled on the channels' side, and the host restarts in the
/// middle. Afterwards every order is in the portal once with the channel's status, the stock ledger balances and
/// matches the orders, and each channel shows the quantity the portal computes.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Seed = 20261124;

    [Fact]
    public async Task OrdersUnderFaultsWebhookReplaysAndARestart_ImportOnce_LedgerBalances_ChannelsShowThePortalsQuantity()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sellerportal-tests", Guid.NewGuid().ToString("N"));
        var settings = SoakScenario.Settings(Seed);
        var ct = CancellationToken.None;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timings = new List<string>();
        void Mark(string step) => timings.Add($"{step} {clock.Elapsed.TotalSeconds:F1} s");
        SoakScenario scenario;
        SoakListingIntents intents;

        await using (var hostA = EmulatorPortal.Start(dataDirectory, settings: settings, configureServices: SoakDatabaseFaults.AddTo))
        {
            var accounts = await SoakAccounts.ConnectAsync(hostA.Services, (channel, fields) => hostA.ConnectAsync(channel, fields), ct);
            var stores = accounts.SharedStores();
            Assert.Equal([SoakAccounts.FirstStore, SoakAccounts.SecondStore], stores.Select(a => a.Seller));
            // Two stores, two accounts: the second connect did not take over the first.
            Assert.Equal(2, stores.Select(a => a.Id).Distinct().Count());
            Assert.Equal(hostA.Services.GetRequiredService<EmulatedChannels>().InDisplayOrder, accounts.Select(a => a.Channel).Distinct());
            await SoakScenario.RaiseClientLimitsAsync(hostA.Services, accounts, ct);

            var products = await hostA.AddProductsAsync("SOAK-", 6);
            await EmulatedPublishSetup.ApplyAsync(hostA.Services, [.. accounts.Select(a => a.Id)], "Brake Discs", ct);

            var ledger = hostA.Services.GetRequiredService<StockLedger>();
            await using (var db = hostA.Db.CreateDbContext())
            {
                foreach (var variant in await db.Variants.Where(v => products.Contains(v.ProductId)).ToListAsync())
                {
                    await ledger.SetOnHandAsync(variant.Id, 1_000, "opening stock", EmulatorPortal.Clerk, StockMovementReason.Import, ct);
                }
            }

            await hostA.PublishAsync(products, [.. accounts.Select(a => a.Id)]);
            await hostA.Dispatcher.DrainAllAsync(ct);
            var listings = await hostA.ListingsAsync();
            Assert.Equal(6 * accounts.Count, listings.Count);
            Assert.All(listings, l => Assert.True(l.State == ListingState.Live, $"listing {l.Id}: {l.State} {l.LastError}"));
            // Two products are the staff's to change their minds about; buyers order the other four.
            scenario = new SoakScenario(accounts, [.. (await hostA.SkusAsync([.. products.Skip(2)])).Values.Order()], Seed, hostA.Services.GetRequiredService<EmulatedChannels>());
            intents = new SoakListingIntents(accounts, [.. products.Take(2)], Seed);

            Mark("set up");
            using var http = hostA.Factory.CreateClient();
            scenario.SetFaults(hostA.Faults, on: true);
            await intents.AddPoisonJobAsync(hostA.Services, ct);
            await scenario.GenerateAsync(http, orders: 150, maxBatch: 25, ct);
            Mark("generated");
            await scenario.DriveAsync(hostA.Services, rounds: 1, ct);
            Mark("driven");
            await scenario.ChangeOnChannelsAsync(http, share: 0.25, ct);
            await intents.ChangeAsync(hostA.Services, ct);
            await scenario.DriveAsync(hostA.Services, rounds: 1, ct);
            Mark("changed and driven");
            // More orders, then the host goes away with their webhooks' refreshes still queued.
            await scenario.GenerateAsync(http, orders: 50, maxBatch: 25, ct);
            scenario.CollectFaults(hostA.Faults);
            scenario.CollectDatabaseFaults(hostA.Services);
        }

        // Host B on the same portal.db and sandbox.db: more orders and changes, then everything finishes there.
        await using var hostB = EmulatorPortal.Start(dataDirectory, settings: settings, configureServices: SoakDatabaseFaults.AddTo);
        Mark("restarted");
        using (var http = hostB.Factory.CreateClient())
        {
            scenario.SetFaults(hostB.Faults, on: true);
            await scenario.GenerateAsync(http, orders: 100, maxBatch: 25, ct);
            await scenario.ChangeOnChannelsAsync(http, share: 0.25, ct);
            await intents.ChangeAsync(hostB.Services, ct);
            await scenario.DriveAsync(hostB.Services, rounds: 1, ct);
            await scenario.CrossAsync(http, hostB.Services, ct);
        }

        Mark("B generated, changed and driven");

        scenario.CollectFaults(hostB.Faults);
        scenario.CollectDatabaseFaults(hostB.Services);
        scenario.SetFaults(hostB.Faults, on: false);
        // Settled includes the poison job's thirty attempts (about 50 s of backoff) ending in the dead letters.
        await scenario.SettleAsync(hostB.Services, TimeSpan.FromSeconds(90), ct);

        Mark("settled");
        var report = await SoakCheck.RunAsync(hostB.Services, scenario.Accounts, ct);
        var listingReport = await intents.CheckAsync(hostB.Services, ct);
        Mark("checked");
        output.WriteLine(string.Join("; ", timings));
        var summary = $"{string.Join("; ", timings)}; {report.EmulatorOrders} orders on the channels, {report.Imported} imported; faults {string.Join(", ", scenario.Faults.Select(f => $"{f.Key} {f.Value}"))}; " +
            $"{scenario.DatabaseBusy} database busy errors; {scenario.ShippedOnChannel} shipped and {scenario.CancelledOnChannel} cancelled on the channels; {scenario.WebhookReplays} webhook replays:\n" +
            string.Join("\n", report.Problems.Concat(listingReport.Problems));
        Assert.True(report.EmulatorOrders >= 250, summary);
        Assert.True(scenario.ShippedOnChannel > 0 && scenario.CancelledOnChannel > 0 && scenario.CreatedCancelled > 0, summary);
        Assert.True(scenario.Faults.GetValueOrDefault(FaultDecision.ServerError) > 0, summary);
        Assert.True(scenario.WebhookReplays > 0, summary);
        Assert.True(scenario.DatabaseBusy > 0, summary);
        Assert.True(report.Lost == 0, summary);
        Assert.True(report.Duplicated == 0, summary);
        Assert.True(report.Unknown == 0, summary);
        Assert.True(report.WrongStatus == 0, summary);
        Assert.True(report.LedgerMismatches == 0, summary);
        Assert.True(report.ChannelMismatches == 0, summary);
        Assert.True(listingReport.Queued >= 2 * scenario.Accounts.Count * 2, summary); // every listing changed in each host, at least once
        // Both shared stores took orders of the same SKUs, and each store's orders are in the portal under its own account.
        Assert.All(scenario.Accounts.SharedStores(), a => Assert.True(scenario.Generated[a].Count > 0, summary));
        Assert.True(listingReport.Wrong == 0, summary);
        Assert.True(listingReport.PoisonDeadLettered, summary);
        Assert.Equal("Dead after 30 attempts", listingReport.Poison);
        Assert.Equal(1, report.DeadLetters);
    }
}
