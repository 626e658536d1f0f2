using System.Globalization;
using MudBlazor;
using SellerPortal.Features.Listings;

namespace SellerPortal.Features.Catalog;

public enum ChannelActionVerb
{
    Publish,
    Update,
    Unpublish,
    PushStock,
}

/// <summary>A quick action asked for on one channel account from <see cref="ProductChannelStatus"/>.</summary>
public sealed record ChannelAction(int ChannelAccountId, ChannelActionVerb Verb);

/// <summary>The words, colours and actions of a listing state, and the exact sync time. Pure.</summary>
public static class ChannelStatusDisplay
{
    public static string Label(ListingState? state) => state switch
    {
        null => "Not listed",
        ListingState.Draft => "Draft",
        ListingState.Publishing => "Publishing",
        ListingState.Live => "Live",
        ListingState.Unpublishing => "Unpublishing",
        ListingState.Unpublished => "Unpublished",
        ListingState.Error => "Error",
        _ => state.Value.ToString(),
    };

    public static Color Colour(ListingState? state) => state switch
    {
        null => Color.Default,
        ListingState.Draft => Color.Secondary,
        ListingState.Publishing or ListingState.Unpublishing => Color.Info,
        ListingState.Live => Color.Success,
        ListingState.Unpublished => Color.Dark,
        ListingState.Error => Color.Error,
        _ => Color.Default,
    };

    /// <summary>
    /// What can be asked for in each state: publish what is not on the channel (or failed), manage what is live,
    /// and nothing while the channel is still working on the last request.
    /// </summary>
    public static IReadOnlyList<ChannelActionVerb> ActionsFor(ListingState? state) => state switch
    {
        null or ListingState.Draft or ListingState.Unpublished or ListingState.Error => [ChannelActionVerb.Publish],
        ListingState.Live => [ChannelActionVerb.Update, ChannelActionVerb.PushStock, ChannelActionVerb.Unpublish],
        _ => [],
    };

    public static string VerbLabel(ChannelActionVerb verb) => verb switch
    {
        ChannelActionVerb.PushStock => "Push stock",
        _ => verb.ToString(),
    };

    /// <summary>The verb as it appears in test ids: <c>publish</c>, <c>update</c>, <c>unpublish</c>, <c>push-stock</c>.</summary>
    public static string VerbId(ChannelActionVerb verb) => verb switch
    {
        ChannelActionVerb.PushStock => "push-stock",
        _ => verb.ToString().ToLowerInvariant(),
    };

    public static string Exact(DateTime? utc) =>
        utc is { } time ? time.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "Never synced";

    /// <summary>One status per channel account: its listing of the product, or "Not listed".</summary>
    public static IReadOnlyList<ChannelListingStatus> ForAccounts(
        IReadOnlyList<ChannelAccountSummary> accounts, IReadOnlyList<ChannelListingStatus> listings) =>
        accounts.Select(a => listings.FirstOrDefault(l => l.ChannelAccountId == a.Id)
                ?? new ChannelListingStatus(a.Id, a.DisplayName, a.Channel, null, null, null))
            .ToList();
}
