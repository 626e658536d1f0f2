using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Features.Inventory;

public sealed class ListingReconcileOptions
{
    public const string SectionName = "Inventory:Reconcile";

    /// <summary>How often every connected account's live listings are read back and compared.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// When on, a quantity drift queues a push of the current figure (coalesced per account and SKU). Off by default:
    /// a channel that shows less because of its own sale not yet imported would be pushed back up until the import runs.
    /// </summary>
    public bool AutoRepush { get; set; }
}
