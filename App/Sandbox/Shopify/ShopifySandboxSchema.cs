using System.Globalization;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>What a GraphQL document runs with: the shop (its lock held), the app's options, the clock, and whether a bulk operation runs it.</summary>
internal sealed class ShopifyRequest : Dictionary<string, object?>
{
    public required ShopifySandboxShop Shop { get; init; }

    public required ShopifySandboxOptions App { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required IServiceProvider Services { get; init; }

    public bool Bulk { get; init; }

    /// <summary>Webhooks the document's mutations raise, sent once it has run.</summary>
    public List<(string Topic, object Body)> Webhooks { get; } = [];

    public static ShopifyRequest Of(IResolveFieldContext context) => (ShopifyRequest)context.UserContext;
}

/// <summary>
/// The Admin API 2026-10 schema from the embedded SDL (Shopify's own introspection, cut to the portal's subset), with
/// resolvers over the shop's model. Fields without a resolver here read the model property of the same name.
/// </summary>
internal static class ShopifySandboxSchema
{
    public const string Version = "2026-10";

    private static readonly Lazy<ISchema> Built = new(Build);

    public static ISchema Instance => Built.Value;

    private static ISchema Build()
    {
        using var stream = typeof(ShopifySandboxSchema).Assembly.GetManifestResourceStream("SellerPortal.Sandbox.Shopify.Schema.admin-2026-10.graphql")
            ?? throw new InvalidOperationException("The embedded Shopify schema is missing.");
        var sdl = new StreamReader(stream).ReadToEnd();
        var schema = Schema.For(sdl, builder =>
        {
            void Resolve(string type, string field, Func<IResolveFieldContext, object?> resolve) =>
                builder.Types.For(type).FieldFor(field).Resolver = new FuncFieldResolver<object>(resolve);

            Resolve("QueryRoot", "shop", c => ShopifyRequest.Of(c).Shop.Shop);
            Resolve("QueryRoot", "products", c => ShopifySandboxPaging.Page(c,
                ShopifySearchTerm.Filter(ShopifyRequest.Of(c).Shop.Products, c.GetArgument<string?>("query"), ProductField, p => p.Title),
                p => ProductSort(p, c.GetArgument("sortKey", "ID"))));
            Resolve("QueryRoot", "product", c => ShopifyRequest.Of(c).Shop.Products.FirstOrDefault(p => p.Id == c.GetArgument<string>("id")));
            Resolve("QueryRoot", "productVariants", c => ShopifySandboxPaging.Page(c,
                ShopifySearchTerm.Filter(ShopifyRequest.Of(c).Shop.Variants, c.GetArgument<string?>("query"), VariantField, v => v.Product.Title),
                v => ShopifySandboxPaging.Key(v.Num)));
            Resolve("QueryRoot", "locations", c => ShopifySandboxPaging.Page(c, ShopifyRequest.Of(c).Shop.Locations, l => ShopifySandboxPaging.Key(l.Name, l.Num)));
            Resolve("QueryRoot", "orders", c => ShopifySandboxPaging.Page(c,
                ShopifySearchTerm.Filter(ShopifyRequest.Of(c).Shop.Orders, c.GetArgument<string?>("query"), OrderField, o => o.Name),
                o => OrderSort(o, c.GetArgument("sortKey", "PROCESSED_AT"))));
            Resolve("QueryRoot", "order", c => ShopifyRequest.Of(c).Shop.Orders.FirstOrDefault(o => o.Id == c.GetArgument<string>("id")));
            Resolve("QueryRoot", "currentBulkOperation", c => ShopifyRequest.Of(c).Shop.BulkOperations.LastOrDefault());
            Resolve("QueryRoot", "bulkOperation", c => ShopifyRequest.Of(c).Shop.BulkOperations.FirstOrDefault(b => b.Id == c.GetArgument<string>("id")));

            Resolve("Product", "variants", c => ShopifySandboxPaging.Page(c, ((ShopifyProduct)c.Source!).VariantList, v => ShopifySandboxPaging.Key(v.Num)));
            Resolve("Product", "options", c => ((ShopifyProduct)c.Source!).Options.Take(c.GetArgument<int?>("first") ?? int.MaxValue).ToList());
            Resolve("InventoryItem", "inventoryLevel", c =>
            {
                var item = (ShopifyInventoryItem)c.Source!;
                var location = ShopifyRequest.Of(c).Shop.Locations.FirstOrDefault(l => l.Id == c.GetArgument<string>("locationId"));
                return location is null || !item.Levels.ContainsKey(location.Num) ? null
                    : new ShopifyInventoryLevel($"gid://shopify/InventoryLevel/{item.Num}?inventory_item_id={item.Num}&location_id={location.Num}", item, location);
            });
            Resolve("InventoryLevel", "quantities", c =>
            {
                var level = (ShopifyInventoryLevel)c.Source!;
                var quantities = level.Item.Levels[level.Location.Num];
                return c.GetArgument<List<string>>("names").Select(name => new ShopifyInventoryQuantity(
                    $"gid://shopify/InventoryQuantity/{level.Item.Num}?location_id={level.Location.Num}&name={name}", name,
                    quantities.GetValueOrDefault(name), ShopifyGid.Time(level.Item.Updated))).ToList();
            });
            Resolve("Order", "lineItems", c => ShopifySandboxPaging.Page(c, ((ShopifyOrder)c.Source!).LineItemList, l => ShopifySandboxPaging.Key(l.Num)));
            Resolve("Order", "fulfillmentOrders", c => ShopifySandboxPaging.Page(c, ((ShopifyOrder)c.Source!).FulfillmentOrderList, f => ShopifySandboxPaging.Key(f.Num)));
            Resolve("Order", "fulfillments", c => ((ShopifyOrder)c.Source!).Fulfillments.Take(c.GetArgument<int?>("first") ?? int.MaxValue).ToList());
            Resolve("FulfillmentOrder", "lineItems", c => ShopifySandboxPaging.Page(c, ((ShopifyFulfillmentOrder)c.Source!).LineItemList, l => ShopifySandboxPaging.Key(l.Num)));
            Resolve("Fulfillment", "trackingInfo", c => ((ShopifyFulfillment)c.Source!).TrackingInfo.Take(c.GetArgument<int?>("first") ?? int.MaxValue).ToList());

            Resolve("Mutation", "productSet", ShopifySandboxProducts.ProductSet);
            Resolve("Mutation", "productVariantsBulkUpdate", ShopifySandboxProducts.VariantsBulkUpdate);
            Resolve("Mutation", "productUpdate", ShopifySandboxProducts.ProductUpdate);
            Resolve("Mutation", "productDelete", ShopifySandboxProducts.ProductDelete);
            Resolve("Mutation", "inventorySetQuantities", ShopifySandboxInventory.SetQuantities);
            Resolve("Mutation", "fulfillmentCreate", ShopifySandboxFulfillments.Create);
        });

        // Shopify's own scalars travel as strings (Decimal and Money "19.99", DateTime ISO-8601, UnsignedInt64 "12").
        foreach (var name in new[] { "DateTime", "Decimal", "Money", "HTML", "URL", "UnsignedInt64" })
        {
            schema.RegisterType(new ShopifyStringScalar { Name = name });
        }

        schema.Initialize();
        return schema;
    }

    private static (bool, string?) ProductField(ShopifyProduct product, string field) => field switch
    {
        "id" => (true, product.Num.ToString(CultureInfo.InvariantCulture)),
        "title" => (true, product.Title),
        "handle" => (true, product.Handle),
        "status" => (true, product.Status),
        "sku" => (true, product.VariantList.Select(v => v.Sku).FirstOrDefault(s => s is not null)),
        "updated_at" => (true, product.UpdatedAt),
        "created_at" => (true, product.CreatedAt),
        _ => (false, null),
    };

    private static (bool, string?) VariantField(ShopifyVariant variant, string field) => field switch
    {
        "id" => (true, variant.Num.ToString(CultureInfo.InvariantCulture)),
        "sku" => (true, variant.Sku),
        "product_id" => (true, variant.Product.Num.ToString(CultureInfo.InvariantCulture)),
        "updated_at" => (true, variant.UpdatedAt),
        _ => (false, null),
    };

    private static (bool, string?) OrderField(ShopifyOrder order, string field) => field switch
    {
        "id" => (true, order.Num.ToString(CultureInfo.InvariantCulture)),
        "name" => (true, order.Name),
        "updated_at" => (true, order.UpdatedAt),
        "created_at" => (true, order.CreatedAt),
        "processed_at" => (true, order.CreatedAt),
        "fulfillment_status" => (true, order.DisplayFulfillmentStatus.ToLowerInvariant()),
        "status" => (true, order.Cancelled is not null ? "cancelled" : order.Closed ? "closed" : "open"),
        _ => (false, null),
    };

    private static string ProductSort(ShopifyProduct product, string sortKey) => sortKey switch
    {
        "TITLE" => ShopifySandboxPaging.Key(product.Title, product.Num),
        "UPDATED_AT" => ShopifySandboxPaging.Key(product.Updated.UtcTicks.ToString("D19", CultureInfo.InvariantCulture), product.Num),
        "CREATED_AT" => ShopifySandboxPaging.Key(product.Created.UtcTicks.ToString("D19", CultureInfo.InvariantCulture), product.Num),
        _ => ShopifySandboxPaging.Key(product.Num),
    };

    private static string OrderSort(ShopifyOrder order, string sortKey) => sortKey switch
    {
        "UPDATED_AT" => ShopifySandboxPaging.Key(order.Updated.UtcTicks.ToString("D19", CultureInfo.InvariantCulture), order.Num),
        "CREATED_AT" or "PROCESSED_AT" => ShopifySandboxPaging.Key(order.Created.UtcTicks.ToString("D19", CultureInfo.InvariantCulture), order.Num),
        _ => ShopifySandboxPaging.Key(order.Num),
    };
}

/// <summary>A Shopify scalar serialized as a string; as input it takes a string, and a number where Shopify coerces one (Money, Decimal).</summary>
internal sealed class ShopifyStringScalar : ScalarGraphType
{
    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLStringValue s => (string)s.Value,
        GraphQLIntValue i when Name is "Money" or "Decimal" or "UnsignedInt64" => (string)i.Value,
        GraphQLFloatValue f when Name is "Money" or "Decimal" => (string)f.Value,
        GraphQLNullValue => null,
        _ => ThrowLiteralConversionError(value),
    };

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        string s => s,
        int or long or decimal or double when Name is "Money" or "Decimal" or "UnsignedInt64" => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => ThrowValueConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
