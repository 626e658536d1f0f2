
namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// A channel's own product catalogue, searched to list against an existing product page (an Amazon ASIN) instead of
/// creating a new one. Optional: a connector implements it only where the channel has such a catalogue.
/// </summary>
public interface IChannelCatalogSearch
{
    ChannelKind Channel { get; }

    /// <summary>Identifier types the channel searches by, besides keywords (Amazon: EAN, UPC, ISBN, ASIN).</summary>
    IReadOnlyList<string> IdentifierTypes { get; }

    Task<IReadOnlyList<ChannelCatalogMatch>> SearchAsync(ChannelAccountContext account, ChannelCatalogQuery query, CancellationToken ct);
}

/// <summary>Either <see cref="Keywords"/>, or an <see cref="Identifier"/> of <see cref="IdentifierType"/>.</summary>
public sealed record ChannelCatalogQuery(string? Keywords, string? Identifier = null, string? IdentifierType = null);

/// <summary>One product in the channel's catalogue: <see cref="ExternalId"/> is what a listing points at (the ASIN).</summary>
public sealed record ChannelCatalogMatch(string ExternalId, string? Title, string? Brand, string? ImageUrl);
