using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Listings.Publishing;
using SellerPortal.Features.Sync;

namespace SellerPortal.Features.Listings.Bulk;

/// <summary>
/// The four bulk operations: publish to chosen channels with per-channel pricing, unpublish, sync inventory, and a
/// bulk price update. Each checks every item first, queues the ones that pass in one transaction per chunk, and
/// returns, per product and channel, what was queued and what was refused with its reason.
/// </summary>
public sealed class BulkOperationsService(
    IDbContextFactory<AppDbContext> contexts,
    ListingPublisher publisher,
    SyncQueue queue,
    AuditLog audit,
    IOptions<ListingOptions> options,
    TimeProvider clock)
{
    private const int Chunk = 200;

    public async Task<BulkPreview> PreviewAsync(IReadOnlyList<int> productIds, IReadOnlyList<ChannelPlan> plans, int maxRows, CancellationToken ct)
    {
        var prices = new List<PricePreviewRow>();
        var problems = new List<BulkItemProblem>();
        await ForEachSubjectAsync(productIds, plans, (subject, _) =>
        {
            var found = publisher.Check(subject);
            if (found.Count > 0)
            {
                problems.Add(Problem(subject, found));
            }

            foreach (var variant in subject.Product.Variants)
            {
                if (prices.Count >= maxRows)
                {
                    break;
                }

                var price = ChannelPricing.Apply(subject.Listing.PriceRule, variant.Price);
                var margin = variant.CostMinor is { } cost
                    ? ChannelPricing.CheckMargin(price.AmountMinor, cost, new ChannelFees(subject.Account.FeePercentBasisPoints, subject.Account.FixedFeeMinor), options.Value.MinimumMarginBasisPoints, price.Currency)
                    : null;
                prices.Add(new PricePreviewRow(subject.Product.Id, subject.Product.Name, variant.Sku, subject.Account.Id, subject.Account.DisplayName, variant.Price, price, margin));
            }

            return Task.CompletedTask;
        }, save: false, ct);
        return new BulkPreview(prices, problems, productIds.Count);
    }

    public Task<BulkStartResult> PublishAsync(IReadOnlyList<int> productIds, IReadOnlyList<ChannelPlan> plans, Actor actor, CancellationToken ct) =>
        StartAsync(BulkOperationKind.Publish, $"Publish {productIds.Count} product(s) to {plans.Count} channel(s)", productIds, plans, actor,
            (subject, bulkId, jobs) =>
            {
                var found = publisher.Check(subject);
                if (found.Count > 0)
                {
                    return found;
                }

                var kind = subject.Listing.ExternalId is null ? SyncJobKind.PublishListing : SyncJobKind.UpdateListing;
                subject.Listing.State = ListingState.Publishing;
                jobs.Add(ListingJob(kind, subject, bulkId));
                return [];
            }, ct);

    public Task<BulkStartResult> UnpublishAsync(IReadOnlyList<int> productIds, IReadOnlyList<int> accountIds, Actor actor, CancellationToken ct) =>
        StartAsync(BulkOperationKind.Unpublish, $"Unpublish {productIds.Count} product(s) from {accountIds.Count} channel(s)", productIds,
            accountIds.Select(a => new ChannelPlan(a, PriceRule.Base)).ToList(), actor,
            (subject, bulkId, jobs) =>
            {
                if (subject.Listing.ExternalId is null)
                {
                    return ["It is not listed on this channel."];
                }

                subject.Listing.State = ListingState.Unpublishing;
                jobs.Add(ListingJob(SyncJobKind.UnpublishListing, subject, bulkId));
                return [];
            }, ct, keepRule: true);

    /// <summary>
    /// Queues a stock push per variant with no figure: the Inventory feature's push handler works out the quantity and
    /// the channel's ids when the job runs, so a push that waits in the queue still sends the latest.
    /// </summary>
    public Task<BulkStartResult> SyncInventoryAsync(IReadOnlyList<int> productIds, IReadOnlyList<int> accountIds, Actor actor, CancellationToken ct) =>
        StartAsync(BulkOperationKind.SyncInventory, $"Push stock of {productIds.Count} product(s) to {accountIds.Count} channel(s)", productIds,
            accountIds.Select(a => new ChannelPlan(a, PriceRule.Base)).ToList(), actor,
            (subject, bulkId, jobs) =>
            {
                if (subject.Listing.State != ListingState.Live)
                {
                    return ["It is not live on this channel."];
                }

                foreach (var v in subject.Product.Variants)
                {
                    jobs.Add(new SyncJobRequest(subject.Account.Id, SyncJobKind.PushStock, v.Sku,
                        SyncPayload.Write(new StockPushPayload(v.Sku)), SyncJobRequest.StockKey(subject.Account.Id, v.Sku), bulkId));
                }

                return [];
            }, ct, keepRule: true);

    /// <summary>
    /// Queues one coalesced price push per variant and account (a later price replaces a pending one); the channel's
    /// listing and SKU ids are looked up when the job runs, not here.
    /// </summary>
    public Task<BulkStartResult> UpdatePricesAsync(IReadOnlyList<int> productIds, IReadOnlyList<ChannelPlan> plans, Actor actor, CancellationToken ct) =>
        StartAsync(BulkOperationKind.UpdatePrices, $"Update prices of {productIds.Count} product(s) on {plans.Count} channel(s)", productIds, plans, actor,
            (subject, bulkId, jobs) =>
            {
                if (subject.Listing.State != ListingState.Live)
                {
                    return ["It is not live on this channel; publish it first."];
                }

                var found = publisher.Check(subject);
                if (found.Count > 0)
                {
                    return found;
                }

                foreach (var v in subject.Product.Variants)
                {
                    var price = ChannelPricing.Apply(subject.Listing.PriceRule, v.Price);
                    jobs.Add(new SyncJobRequest(subject.Account.Id, SyncJobKind.PushPrice, v.Sku,
                        SyncPayload.Write(new PricePushPayload(v.Sku, price.ToDecimal(), price.Currency)),
                        SyncJobRequest.PriceKey(subject.Account.Id, v.Sku), bulkId));
                }

                return [];
            }, ct);

    public async Task<BulkProgress?> ProgressAsync(Guid operationId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var op = await db.BulkOperations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == operationId, ct);
        return op is null ? null : await ProgressOfAsync(db, op, ct);
    }

    public async Task<IReadOnlyList<BulkProgress>> RecentAsync(int count, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var ops = await db.BulkOperations.AsNoTracking().OrderByDescending(o => o.CreatedUtc).Take(count).ToListAsync(ct);
        var result = new List<BulkProgress>();
        foreach (var op in ops)
        {
            result.Add(await ProgressOfAsync(db, op, ct));
        }

        return result;
    }

    /// <summary>Queues the failed and dead items of an operation again.</summary>
    public async Task<int> RetryFailedAsync(Guid operationId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var ids = await db.SyncJobs.Where(j => j.BulkOperationId == operationId && (j.Status == SyncJobStatus.Failed || j.Status == SyncJobStatus.Dead))
            .Select(j => j.Id).ToListAsync(ct);
        return await queue.RetryAsync(ids, ct);
    }

    private static async Task<BulkProgress> ProgressOfAsync(AppDbContext db, BulkOperation op, CancellationToken ct)
    {
        var counts = await db.SyncJobs.Where(j => j.BulkOperationId == op.Id)
            .GroupBy(j => j.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(params SyncJobStatus[] s) => counts.Where(c => s.Contains(c.Key)).Sum(c => c.Count);
        return new BulkProgress(op.Id, op.Description, op.CreatedUtc, counts.Sum(c => c.Count) - Of(SyncJobStatus.Cancelled),
            Of(SyncJobStatus.Pending), Of(SyncJobStatus.Running), Of(SyncJobStatus.Succeeded), Of(SyncJobStatus.Failed, SyncJobStatus.Dead), op.Refused);
    }

    private delegate IReadOnlyList<string> ItemAction(ListingSubject subject, Guid bulkId, List<SyncJobRequest> jobs);

    private async Task<BulkStartResult> StartAsync(BulkOperationKind kind, string description, IReadOnlyList<int> productIds,
        IReadOnlyList<ChannelPlan> plans, Actor actor, ItemAction action, CancellationToken ct, bool keepRule = false)
    {
        var bulkId = Guid.NewGuid();
        var refused = new List<BulkItemProblem>();
        var queued = 0;
        await ForEachSubjectAsync(productIds, keepRule ? [] : plans, async (subject, jobs) =>
        {
            var problems = action(subject, bulkId, jobs);
            if (problems.Count > 0)
            {
                refused.Add(Problem(subject, problems));
            }
        }, save: true, ct, accountIds: plans.Select(p => p.ChannelAccountId).ToList(), afterChunk: async (jobs, token) =>
        {
            // Listings and their jobs are written per chunk, each chunk all or nothing.
            await queue.EnqueueManyAsync(jobs, token);
            queued += jobs.Count;
        });

        await using (var db = contexts.CreateDbContext())
        {
            db.BulkOperations.Add(new BulkOperation
            {
                Id = bulkId,
                Kind = kind,
                Description = description,
                CreatedBy = actor.UserName,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
                Queued = queued,
                Refused = refused.Count,
            });
            await db.SaveChangesAsync(ct);
        }

        await audit.RecordAsync(actor.UserId, actor.UserName, $"bulk.{kind.ToString().ToLowerInvariant()}", description,
            $"{queued} queued, {refused.Count} refused", ct);
        return new BulkStartResult(bulkId, queued, refused);
    }

    /// <summary>
    /// Loads products in chunks with their listings on the given accounts (creating unsaved listings where there are
    /// none), applies each plan's price rule, and calls <paramref name="visit"/> per product × account.
    /// </summary>
    private async Task ForEachSubjectAsync(IReadOnlyList<int> productIds, IReadOnlyList<ChannelPlan> plans,
        Func<ListingSubject, List<SyncJobRequest>, Task> visit, bool save, CancellationToken ct,
        IReadOnlyList<int>? accountIds = null, Func<List<SyncJobRequest>, CancellationToken, Task>? afterChunk = null)
    {
        accountIds ??= plans.Select(p => p.ChannelAccountId).ToList();
        var rules = plans.ToDictionary(p => p.ChannelAccountId, p => p.Rule);
        foreach (var chunk in productIds.Distinct().Chunk(Chunk))
        {
            await using var db = contexts.CreateDbContext();
            var jobs = new List<SyncJobRequest>();
            foreach (var productId in chunk)
            {
                foreach (var accountId in accountIds)
                {
                    var subject = await publisher.LoadAsync(db, productId, accountId, ct);
                    if (subject is null)
                    {
                        continue;
                    }

                    if (rules.TryGetValue(accountId, out var rule))
                    {
                        subject.Listing.PriceRule = rule;
                    }

                    if (save && subject.Listing.Id == 0)
                    {
                        db.ChannelListings.Add(subject.Listing);
                    }

                    await visit(subject, jobs);
                }
            }

            if (save)
            {
                await db.SaveChangesAsync(ct);
                if (afterChunk is not null)
                {
                    await afterChunk(jobs, ct);
                }
            }
        }
    }

    private static SyncJobRequest ListingJob(SyncJobKind kind, ListingSubject subject, Guid bulkId) =>
        new(subject.Account.Id, kind, $"product:{subject.Product.Id}", JsonSerializer.Serialize(new ListingJobPayload(subject.Product.Id)),
            $"listing:{subject.Account.Id}:{subject.Product.Id}", bulkId);

    private static BulkItemProblem Problem(ListingSubject s, IReadOnlyList<string> problems) =>
        new(s.Product.Id, s.Product.Name, s.Account.Id, s.Account.DisplayName, problems);
}
