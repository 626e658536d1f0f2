using SellerPortal.Features.Listings.Bulk;
using SellerPortal.Features.Listings.Publishing;
using SellerPortal.Features.Sync;

namespace SellerPortal.Features.Listings;

public static class ListingsServiceCollectionExtensions
{
    /// <summary>Publishing, per-product channel settings and the bulk operations.</summary>
    public static IHostApplicationBuilder AddListings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ListingOptions>().BindConfiguration(ListingOptions.SectionName);
        builder.Services.AddSingleton<ListingPublisher>();
        builder.Services.AddSingleton<BulkOperationsService>();
        builder.Services.AddSingleton<ProductChannels.ProductChannelsService>();
        builder.Services.AddSingleton<ProductChannels.ChannelCatalogSearch>();
        builder.Services.AddSingleton<Categories.CategoryMappings>();
        builder.Services.AddSingleton<ISyncJobHandler, PublishListingHandler>();
        builder.Services.AddSingleton<ISyncJobHandler, UpdateListingHandler>();
        builder.Services.AddSingleton<ISyncJobHandler, UnpublishListingHandler>();
        return builder;
    }
}
