using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Etsy;

/// <summary>Etsy's published default per API key (etsy.md §3.3): 10 requests a second and 10,000 in any rolling 24 hours.</summary>
public static class EtsyRateLimits
{
    public const double PublishedPerSecond = 10;

    public const int PublishedPerDay = 10_000;

    /// <summary>
    /// The client's budget: a bucket of B at rate R can let B + R through in one second, so 9 a second with a bucket of 1
    /// stays under 10 in every window; the day's quota is counted too.
    /// </summary>
    public static ChannelRateLimits Client { get; } = new(9, 1, PublishedPerDay);
}
