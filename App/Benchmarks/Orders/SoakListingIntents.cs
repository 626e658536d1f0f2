using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Listings.Publishing;
using SellerPortal.Features.Sync;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// The soak's staff who change their minds (issue 11): Publish, Update and Unpublish of the same listings queued
/// while the queue drains under faults, so each merge meets pending, claimed and running jobs; and a poison job (a
/// payload no handler can read) among the real work. <see cref="CheckAsync"/> then says which listing is not in the
/// state of its last intent, in the portal or on the channel, and whether the poison job was dead-lettered at its limit
/// without holding up its account.
/// </summary>
internal sealed class SoakListingIntents(IReadOnlyList<SoakAccount> accounts, IReadOnlyList<int> productIds, int seed)
{
    private readonly Random random = new(seed + 1);
    private readonly Dictionary<(int ProductId, int AccountId), ListingAction> last =
        productIds.SelectMany(p => accounts.Select(a => (p, a.Id))).ToDictionary(k => k, _ => ListingAction.Publish);

    private long? poisonJobId;

    public int Queued { get; private set; }

    public int Refused { get; private set; }

    public IReadOnlyDictionary<(int ProductId, int AccountId), ListingAction> Last => last;

    /// <summary>One to three intents per listing, in random order, queued while a drain runs.</summary>
    public async Task ChangeAsync(IServiceProvider services, CancellationToken ct)
    {
        var publisher = services.GetRequiredService<ListingPublisher>();
        var drain = Task.Run(() => services.GetRequiredService<SyncDispatcher>().DrainAllAsync(ct), ct);
        foreach (var key in last.Keys.OrderBy(_ => random.Next()).ToList())
        {
            for (var n = 1 + random.Next(3); n > 0; n--)
            {
                // Staff update what they mean to sell, unpublish it, or publish it again.
                var action = last[key] == ListingAction.Unpublish ? ListingAction.Publish
                    : random.Next(2) == 0 ? ListingAction.Update : ListingAction.Unpublish;
                if ((await publisher.QueueAsync(key.ProductId, key.AccountId, action, null, ct)).Queued)
                {
                    last[key] = action;
                    Queued++;
                }
                else
                {
                    Refused++;
                }

                await Task.Delay(random.Next(0, 15), ct);
            }
        }

        await drain;
    }

    /// <summary>A job whose payload is not JSON, on the last account, among its real work.</summary>
    public async Task AddPoisonJobAsync(IServiceProvider services, CancellationToken ct)
    {
        poisonJobId = await services.GetRequiredService<SyncQueue>().EnqueueAsync(
            new SyncJobRequest(accounts[^1].Id, SyncJobKind.UpdateListing, "soak:poison", "{this is not json"), ct);
    }

    public async Task<SoakIntentReport> CheckAsync(IServiceProvider services, CancellationToken ct)
    {
        var problems = new List<string>();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var listings = await db.ChannelListings.AsNoTracking().Where(l => productIds.Contains(l.ProductId)).ToListAsync(ct);
        var skus = await db.Variants.AsNoTracking().Where(v => productIds.Contains(v.ProductId)).Select(v => new { v.ProductId, v.Sku }).ToListAsync(ct);
        var wrong = 0;
        foreach (var account in accounts)
        {
            var (kind, accountId) = (account.Name, account.Id);
            var onSale = (await account.Control(services).ListingsAsync(account.Seller, ct)).Where(l => l.OnSale).Select(l => l.Sku).ToHashSet(StringComparer.Ordinal);
            foreach (var productId in productIds)
            {
                var intent = last[(productId, accountId)];
                var expected = intent == ListingAction.Unpublish ? ListingState.Unpublished : ListingState.Live;
                var state = listings.SingleOrDefault(l => l.ProductId == productId && l.ChannelAccountId == accountId)?.State;
                var selling = skus.Where(s => s.ProductId == productId).Select(s => onSale.Contains(s.Sku)).Distinct().ToList();
                if (state != expected || selling is not [var all] || all != (expected == ListingState.Live))
                {
                    wrong++;
                    problems.Add($"{kind} product {productId}: last intent {intent}, the portal says {state}, the channel {(selling.Count == 1 ? selling[0] ? "sells it" : "does not sell it" : "sells some of its SKUs")}");
                }
            }
        }

        var poison = poisonJobId is { } id ? await db.SyncJobs.AsNoTracking().SingleAsync(j => j.Id == id, ct) : null;
        var maxAttempts = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SyncQueueOptions>>().Value.MaxAttempts;
        var poisonDead = poison is null || (poison.Status == SyncJobStatus.Dead && poison.Attempts == maxAttempts);
        if (!poisonDead)
        {
            problems.Add($"the poison job is {poison!.Status} after {poison.Attempts} attempts (limit {maxAttempts})");
        }

        return new SoakIntentReport(last.Count, Queued, Refused, wrong, poison is null ? null : $"{poison.Status} after {poison.Attempts} attempts", poisonDead, problems);
    }
}

/// <summary>What the listing intents came to: <see cref="Wrong"/> listings not in the state of their last intent.</summary>
internal sealed record SoakIntentReport(int Listings, int Queued, int Refused, int Wrong, string? Poison, bool PoisonDeadLettered, IReadOnlyList<string> Problems)
{
    public bool Clean => Wrong == 0 && PoisonDeadLettered;
}
