using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SellerPortal.Data;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Listings.Publishing;

public enum ListingAction
{
    Publish,
    Update,
    Unpublish,
}

public sealed record ListingQueueResult(int ProductId, int ChannelAccountId, bool Queued, IReadOnlyList<string> Problems)
{
    public string Summary => Queued ? "Queued" : string.Join(" ", Problems);
}

public sealed class ListingOptions
{
    public const string SectionName = "Listings";

    /// <summary>The margin guard's minimum margin, in basis points of the price (1000 = 10 %).</summary>
    public int MinimumMarginBasisPoints { get; set; } = 1000;
}

/// <summary>
/// Validates and queues listing changes for one product on one channel account. Every change goes through the sync
/// queue; the check runs first, so an item that would fail is reported before a single call is made.
/// </summary>
public sealed class ListingPublisher(
    IDbContextFactory<AppDbContext> contexts,
    ChannelRegistry channels,
    SyncQueue queue,
    IOptions<ListingOptions> options,
    TimeProvider clock)
{
    public async Task<ListingSubject?> LoadAsync(AppDbContext db, int productId, int accountId, CancellationToken ct)
    {
        var product = await db.Products.Include(p => p.Variants).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == productId, ct);
        var account = await db.ChannelAccounts.SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (product is null || account is null)
        {
            return null;
        }

        var listing = await db.ChannelListings.SingleOrDefaultAsync(l => l.ProductId == productId && l.ChannelAccountId == accountId, ct)
            ?? new ChannelListing { ProductId = productId, ChannelAccountId = accountId, State = ListingState.Draft };
        var marketplace = account.Region ?? "";
        var mapping = product.Category is null ? null : await db.CategoryMappings.AsNoTracking()
            .Where(m => m.Channel == account.Channel && m.MasterCategory == product.Category && (m.Marketplace == marketplace || m.Marketplace == ""))
            .OrderByDescending(m => m.Marketplace)
            .FirstOrDefaultAsync(ct);
        return new ListingSubject(product, listing, account, mapping, channels.Capabilities(account.Channel), channels.Describe(account.Channel));
    }

    public async Task<IReadOnlyList<string>> CheckAsync(int productId, int accountId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var subject = await LoadAsync(db, productId, accountId, ct);
        return subject is null ? ["The product or the channel account no longer exists."] : Check(subject);
    }

    public IReadOnlyList<string> Check(ListingSubject subject)
    {
        var problems = new List<string>();
        if (channels.Connector(subject.Account.Channel) is null || !subject.Capabilities.Listings)
        {
            problems.Add($"{subject.Channel.DisplayName} listings are not supported yet.");
            return problems;
        }

        if (subject.Account.Status != Channels.ChannelAccountStatus.Connected)
        {
            problems.Add($"{subject.Account.DisplayName} is not connected ({subject.Account.Status}); reconnect it first.");
        }

        problems.AddRange(ListingRequirements.Check(subject, options.Value.MinimumMarginBasisPoints));
        return problems;
    }

    /// <summary>Checks and queues one action; nothing is queued when a problem is found.</summary>
    public async Task<ListingQueueResult> QueueAsync(int productId, int accountId, ListingAction action, Guid? bulkOperationId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var subject = await LoadAsync(db, productId, accountId, ct);
        if (subject is null)
        {
            return new(productId, accountId, false, ["The product or the channel account no longer exists."]);
        }

        var listing = subject.Listing;
        if (action == ListingAction.Unpublish)
        {
            if (listing.Id == 0 || listing.ExternalId is null)
            {
                return new(productId, accountId, false, ["It is not listed on this channel."]);
            }
        }
        else
        {
            var problems = Check(subject);
            if (problems.Count > 0)
            {
                return new(productId, accountId, false, problems);
            }

            if (action == ListingAction.Update && listing.ExternalId is null)
            {
                action = ListingAction.Publish;
            }
        }

        listing.State = action == ListingAction.Unpublish ? ListingState.Unpublishing : ListingState.Publishing;
        if (listing.Id == 0)
        {
            db.ChannelListings.Add(listing);
        }

        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync(new SyncJobRequest(
            accountId,
            action switch { ListingAction.Publish => SyncJobKind.PublishListing, ListingAction.Update => SyncJobKind.UpdateListing, _ => SyncJobKind.UnpublishListing },
            $"product:{productId}",
            JsonSerializer.Serialize(new ListingJobPayload(productId)),
            DedupeKey: $"listing:{accountId}:{productId}",
            BulkOperationId: bulkOperationId), ct);
        return new(productId, accountId, true, []);
    }

    internal DateTime Now => clock.GetUtcNow().UtcDateTime;
}

public sealed record ListingJobPayload(int ProductId);
