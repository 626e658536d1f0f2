using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Etsy;

/// <summary>Etsy as the portal describes it before its connector exists: a Coming soon card and the editor's title hint.</summary>
public static class EtsyDescriptor
{
    public static ChannelDescriptor Descriptor { get; } = new()
    {
        Kind = ChannelKind.Etsy,
        Tone = ChannelTone.Secondary,
        // Open API v3, createDraftListing: title is at most 140 characters.
        TitleMaxLength = 140,
    };
}

public static class EtsyServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddEtsy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddChannel(EtsyDescriptor.Descriptor);
        return builder;
    }
}
