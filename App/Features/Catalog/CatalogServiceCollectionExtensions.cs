using SellerPortal.Features.Catalog;

// In the root namespace, which Program.cs already imports, so wiring the catalog in is one line there.
namespace SellerPortal;

public static class CatalogServiceCollectionExtensions
{
    /// <summary>The master catalog: the product service and the CSV import/export.</summary>
    public static IHostApplicationBuilder AddCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProductCatalog>();
        builder.Services.AddSingleton<ProductCsv>();
        return builder;
    }
}
