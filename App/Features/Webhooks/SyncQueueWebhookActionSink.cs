using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Webhooks;

/// <summary>
/// Turns webhook actions into queued work: an order refresh becomes a <see cref="SyncJobKind.RefreshOrder"/> job
/// (coalesced by DedupeKey with one still pending), a revoked authorization marks the account NeedsReauth.
/// A buyer-data erasure (eBay account deletion) blanks that buyer's personal data in the same save.
/// </summary>
public sealed class SyncQueueWebhookActionSink(TimeProvider clock, ILogger<SyncQueueWebhookActionSink> logger) : IWebhookActionSink
{
    public async Task<string?> ApplyAsync(WebhookDelivery delivery, AppDbContext db, CancellationToken ct)
    {
        var notes = new List<string>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var action in delivery.Actions)
        {
            switch (action)
            {
                case RefreshOrderAction refresh when delivery.AccountId is { } accountId:
                    var key = DedupeKey(accountId, refresh.ExternalOrderId);
                    var pending = await db.SyncJobs.AnyAsync(j => j.DedupeKey == key && j.Status == SyncJobStatus.Pending, ct)
                        || db.SyncJobs.Local.Any(j => j.DedupeKey == key);
                    if (!pending)
                    {
                        db.SyncJobs.Add(new SyncJob
                        {
                            ChannelAccountId = accountId,
                            Kind = SyncJobKind.RefreshOrder,
                            Target = refresh.ExternalOrderId,
                            DedupeKey = key,
                            Priority = SyncLanes.PriorityOf(SyncJobKind.RefreshOrder),
                            NextAttemptUtc = now,
                            CreatedUtc = now,
                        });
                    }

                    break;
                case RefreshOrderAction refresh:
                    notes.Add($"Order {refresh.ExternalOrderId} belongs to a shop with no connected account.");
                    break;
                case AuthorizationRevokedAction when delivery.AccountId is { } accountId:
                    var account = await db.ChannelAccounts.SingleAsync(a => a.Id == accountId, ct);
                    account.Status = ChannelAccountStatus.NeedsReauth;
                    account.LastError = $"The seller revoked access on {ChannelNames.Display(delivery.Channel)}. Connect the account again.";
                    logger.LogWarning("{Channel} account {AccountId} was deauthorized by the seller.", delivery.Channel, accountId);
                    break;
                case AuthorizationRevokedAction:
                    notes.Add("Authorization revoked for a shop with no connected account.");
                    break;
                case EraseBuyerDataAction erase:
                    // eBay's account deletion notices name a buyer, not a shop: erase on every account of the channel.
                    var accountIds = delivery.AccountId is { } one
                        ? [one]
                        : await db.ChannelAccounts.Where(a => a.Channel == delivery.Channel).Select(a => a.Id).ToListAsync(ct);
                    var erased = 0;
                    foreach (var id in accountIds)
                    {
                        erased += (await BuyerDataEraser.EraseInAsync(db, id, erase.BuyerUsername, ct)).Count;
                    }

                    // The note and the log name the count, never the buyer.
                    notes.Add($"Buyer personal data erased on {erased} order(s).");
                    break;
                default:
                    notes.Add($"{action.GetType().Name} is not handled yet.");
                    break;
            }
        }

        return notes.Count == 0 ? null : string.Join(" ", notes);
    }

    /// <summary>One pending refresh per order per account, in the style of <see cref="SyncJobRequest.StockKey"/>.</summary>
    public static string DedupeKey(int accountId, string externalOrderId) =>
        string.Create(CultureInfo.InvariantCulture, $"order:{accountId}:{externalOrderId}");
}
