using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Listings.Publishing;

/// <summary>
/// Carries out a queued publish, update or unpublish: builds the draft, calls the channel, and records the listing's
/// new state, external id and link, or its error in full (the channel's field errors included).
/// </summary>
public abstract class ListingJobHandler(IDbContextFactory<AppDbContext> contexts, ListingPublisher publisher, TimeProvider clock) : ISyncJobHandler
{
    public abstract SyncJobKind Kind { get; }

    public int BatchSize(ChannelCapabilities capabilities) => 1;

    public async Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct)
    {
        var outcomes = new List<SyncJobOutcome>();
        foreach (var job in jobs)
        {
            outcomes.Add(await RunAsync(context, job, ct));
        }

        return outcomes;
    }

    protected abstract Task ApplyAsync(SyncContext context, ListingSubject subject, CancellationToken ct);

    private async Task<SyncJobOutcome> RunAsync(SyncContext context, SyncJob job, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<ListingJobPayload>(job.Payload ?? "{}")!;
        await using var db = contexts.CreateDbContext();
        var subject = await publisher.LoadAsync(db, payload.ProductId, context.Account.AccountId, ct);
        if (subject is null || subject.Listing.Id == 0)
        {
            return new SyncJobOutcome(job.Id, false, "The product, its listing or the account no longer exists.", Retryable: false);
        }

        try
        {
            await ApplyAsync(context, subject, ct);
            subject.Listing.LastError = null;
            subject.Listing.LastSyncedUtc = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
            return SyncJobOutcome.Ok(job.Id);
        }
        catch (ChannelException ex)
        {
            var permanent = ex is ChannelValidationException or ChannelNotFoundException;
            var lastAttempt = job.Attempts >= job.MaxAttempts;
            subject.Listing.LastError = SyncDispatcher.Describe(ex);
            if (permanent || lastAttempt)
            {
                subject.Listing.State = ListingState.Error;
            }

            await db.SaveChangesAsync(ct);
            return new SyncJobOutcome(job.Id, false, subject.Listing.LastError, !permanent, (ex as ChannelRateLimitException)?.RetryAfter);
        }
    }

    /// <summary>
    /// Builds the draft with the quantity the channel should show (available less the listing's buffer, capped: the
    /// figure stock pushes send), calls the channel, and records what was sent and the channel's SKU ids.
    /// </summary>
    protected async Task<ListingResult> SendAsync(Func<ListingDraft, Task<ListingResult>> send, ListingSubject subject, CancellationToken ct)
    {
        var quantity = await ListingStock.QuantitiesAsync(contexts, subject.Listing, ct);
        var result = await send(ListingDraftBuilder.Build(subject, quantity));
        await ListingStock.RecordPublishedAsync(contexts, subject.Listing, subject.Product.Variants, quantity, result.ExternalSkuIds, clock.GetUtcNow().UtcDateTime, ct);
        return result;
    }
}

public sealed class PublishListingHandler(IDbContextFactory<AppDbContext> contexts, ListingPublisher publisher, TimeProvider clock)
    : ListingJobHandler(contexts, publisher, clock)
{
    public override SyncJobKind Kind => SyncJobKind.PublishListing;

    protected override async Task ApplyAsync(SyncContext context, ListingSubject subject, CancellationToken ct)
    {
        var result = await SendAsync(
            draft => subject.Listing.ExternalId is null
                ? context.Connector.CreateListingAsync(context.Account, draft, ct)
                : context.Connector.UpdateListingAsync(context.Account, draft, ct),
            subject, ct);
        subject.Listing.ExternalId = result.ExternalId;
        subject.Listing.ExternalUrl = result.Url ?? subject.Listing.ExternalUrl;
        subject.Listing.State = ListingState.Live;
    }
}

public sealed class UpdateListingHandler(IDbContextFactory<AppDbContext> contexts, ListingPublisher publisher, TimeProvider clock)
    : ListingJobHandler(contexts, publisher, clock)
{
    public override SyncJobKind Kind => SyncJobKind.UpdateListing;

    protected override async Task ApplyAsync(SyncContext context, ListingSubject subject, CancellationToken ct)
    {
        var result = await SendAsync(draft => context.Connector.UpdateListingAsync(context.Account, draft, ct), subject, ct);
        subject.Listing.ExternalId = result.ExternalId;
        subject.Listing.ExternalUrl = result.Url ?? subject.Listing.ExternalUrl;
        subject.Listing.State = ListingState.Live;
    }
}

public sealed class UnpublishListingHandler(IDbContextFactory<AppDbContext> contexts, ListingPublisher publisher, TimeProvider clock)
    : ListingJobHandler(contexts, publisher, clock)
{
    public override SyncJobKind Kind => SyncJobKind.UnpublishListing;

    protected override async Task ApplyAsync(SyncContext context, ListingSubject subject, CancellationToken ct)
    {
        await context.Connector.UnpublishListingAsync(
            context.Account,
            new ListingRef(subject.Listing.ExternalId!, subject.Product.Variants.Select(v => v.Sku).ToList()),
            ct);
        subject.Listing.State = ListingState.Unpublished;
    }
}
