using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Features.Orders;

public sealed class OrderImportOptions
{
    public const string SectionName = "Orders:Import";

    /// <summary>
    /// Each run reads from the watermark minus this window: channels index orders late, so an order updated just before
    /// the last run may only appear now. Re-reading is harmless because the import is idempotent.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan OverlapWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How far back the first import of a new account reaches.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(7);

    [Range(1, 200)]
    public int PageSize { get; set; } = 50;

    /// <summary>
    /// The most pages one run reads; past it the run stops with its cursor kept and the next run goes on, so a
    /// channel that never says "no more" cannot hold the account's queue for ever.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxPagesPerRun { get; set; } = 10_000;

    /// <summary>
    /// A run cut short goes on from its last committed page if it started within this long; older, it starts over
    /// (channels' page cursors expire: Amazon's after 24 hours).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ResumeWithin { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often the scheduler looks for accounts due an import (each account keeps its own interval).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ScheduleInterval { get; set; } = TimeSpan.FromSeconds(15);
}
