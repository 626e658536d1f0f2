using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Listings.ProductChannels;

/// <summary>What a catalogue search found, or the sentence to show when it could not run.</summary>
public sealed record CatalogSearchOutcome(IReadOnlyList<ChannelCatalogMatch> Matches, string? Error = null);

/// <summary>
/// Searches a connected account's channel catalogue (Amazon's ASINs) so staff can list against an existing product page.
/// Only channels whose connector implements <see cref="IChannelCatalogSearch"/> offer it.
/// </summary>
public sealed class ChannelCatalogSearch(
    IDbContextFactory<AppDbContext> contexts, ChannelRegistry channels, ILogger<ChannelCatalogSearch> logger)
{
    public bool Supports(ChannelKind channel) => For(channel) is not null;

    public IReadOnlyList<string> IdentifierTypes(ChannelKind channel) => For(channel)?.IdentifierTypes ?? [];

    public async Task<CatalogSearchOutcome> SearchAsync(int accountId, ChannelCatalogQuery query, CancellationToken ct)
    {
        var account = await ChannelAccountContexts.LoadAsync(contexts, accountId, ct);
        if (account is null || For(account.Channel) is not { } search)
        {
            return new CatalogSearchOutcome([], "This account's channel has no catalogue to search.");
        }

        try
        {
            return new CatalogSearchOutcome(await search.SearchAsync(account, query, ct));
        }
        catch (ChannelException ex)
        {
            logger.LogWarning(ex, "Catalogue search for account {Account} failed", accountId);
            return new CatalogSearchOutcome([], $"{ChannelNames.Display(account.Channel)} could not search its catalogue: {ex.Message}");
        }
    }

    private IChannelCatalogSearch? For(ChannelKind channel) => channels.Connector(channel) as IChannelCatalogSearch;
}
