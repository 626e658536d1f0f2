using System.Globalization;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using static SellerPortal.Sandbox.Etsy.EtsySandboxCollections;

namespace SellerPortal.Sandbox.Etsy;

/// <summary>
/// The common control contract over the Etsy emulator's store. A seller is the name the consent page signs in as
/// (the default seller when none is named). A buyer's receipt takes units off the offering of the SKU in an active
/// listing of the seller's shop and a cancellation gives them back; the status word is the receipt's status. Etsy
/// sends no order webhooks (the portal reads receipts by last-modified time), so none come back.
/// </summary>
internal sealed class EtsySandboxControls(SandboxStore store, TimeProvider time, IOptions<EtsySandboxOptions> options) : ISandboxControl
{
    public string Path => "etsy";

    public SandboxControlAbout About { get; } = new(Channel, SellerField: "seller", OrderWebhooks: false, RateLimitBurstsAreRetries: true);

    /// <summary>
    /// Etsy needs a taxonomy id on every listing (the emulator takes any positive one) and, for a physical listing, the
    /// shop's shipping profile and return policy, which the account holds for the listings that name none.
    /// </summary>
    public SandboxPublishSetup PublishSetup { get; } = new("1633", new Dictionary<string, string>
    {
        ["shipping_profile_id"] = EtsySandboxListings.ShippingProfileId.ToString(CultureInfo.InvariantCulture),
        ["return_policy_id"] = EtsySandboxShopPolicies.ReturnPolicyId.ToString(CultureInfo.InvariantCulture),
    });

    public async Task<SandboxPlacedOrders> PlaceOrdersAsync(SandboxOrderRequest request, SandboxCaller caller, CancellationToken ct)
    {
        var seller = await SellerAsync(request.Seller);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return await store.SerializedAsync(Channel, async () =>
        {
            var listings = await ActiveAsync(seller.ShopId, ct);
            var stock = StockOf(listings);
            var receipts = new List<EtsySandboxReceipt>();
            var refused = stock.Sell(request.Count, request.Skus, request.Cancelled, (i, sku, units) =>
                receipts.Add(new EtsySandboxReceipt(seller.ShopId, NewReceipt(seller, listings, sku, units, request.Cancelled, now, i))));
            foreach (var receipt in receipts)
            {
                await EtsySandboxReceipts.SaveAsync(store, receipt, ct);
            }

            await SaveStockAsync(listings, stock, ct);
            return new SandboxPlacedOrders([.. receipts.Select(r => Id(r.Receipt))], refused, []);
        }, ct);
    }

    public Task<SandboxOrderMoved?> SetOrderStateAsync(string orderId, SandboxOrderStateRequest request, SandboxCaller caller, CancellationToken ct) =>
        store.SerializedAsync<SandboxOrderMoved?>(Channel, async () =>
        {
            if (await store.GetAsync<EtsySandboxReceipt>(Channel, Receipts, orderId, ct) is not { } found)
            {
                return null;
            }

            var receipt = found.Receipt;
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            // A receipt that cannot move (shipped, or already canceled) stays as it is: known, so not a 404.
            if (receipt.Status == "canceled" || receipt.IsShipped)
            {
                return new SandboxOrderMoved(receipt.Status, []);
            }

            if (request.State == SandboxOrderState.Shipped)
            {
                receipt = EtsySandboxReceipts.Shipped(receipt, null, now);
            }
            else
            {
                receipt = EtsySandboxReceipts.Canceled(receipt, now);
                var listings = await ActiveAsync(found.ShopId, ct, includeInactive: true);
                var stock = StockOf(listings);
                stock.Give(receipt.Transactions.Where(t => t.Sku is not null).Select(t => (t.Sku!, t.Quantity)));
                await SaveStockAsync(listings, stock, ct);
            }

            await EtsySandboxReceipts.SaveAsync(store, found with { Receipt = receipt }, ct);
            return new SandboxOrderMoved(receipt.Status, []);
        }, ct);

    public async Task<IReadOnlyList<SandboxOrderStatus>> OrdersAsync(string? seller, CancellationToken ct)
    {
        var range = seller is null ? new DocumentRange() : new DocumentRange(Owner: Owner((await SellerAsync(seller)).ShopId));
        return [.. (await store.ListAsync<EtsySandboxReceipt>(Channel, Receipts, range, ct: ct)).Select(r => new SandboxOrderStatus(r.Id, r.Document.Receipt.Status))];
    }

    public async Task<IReadOnlyList<SandboxListedSku>> ListingsAsync(string? seller, CancellationToken ct)
    {
        var range = seller is null ? new DocumentRange() : new DocumentRange(Owner: Owner((await SellerAsync(seller)).ShopId));
        return [.. (await store.ListAsync<EtsySandboxListing>(Channel, Listings, range, ct: ct)).Select(d => d.Document)
            .SelectMany(l => Offerings([l]).Select(o => new SandboxListedSku(o.Sku, o.Quantity, l.Listing.State == "active")))];
    }

    public async Task<int?> GetListedQuantityAsync(string sku, CancellationToken ct)
    {
        var seller = await DefaultSeller();
        var found = Offerings(await ActiveAsync(seller.ShopId, ct, includeInactive: true)).FirstOrDefault(o => o.Sku == sku);
        return found.Sku is null ? null : found.Quantity;
    }

    public Task<bool> SetListedQuantityAsync(string sku, int quantity, CancellationToken ct) =>
        store.SerializedAsync(Channel, async () =>
        {
            var seller = await DefaultSeller();
            var listings = await ActiveAsync(seller.ShopId, ct, includeInactive: true);
            var offerings = Offerings(listings).Where(o => o.Sku == sku).ToList();
            if (offerings.Count == 0)
            {
                return false;
            }

            var stock = new SandboxStock(new Dictionary<string, int>(StringComparer.Ordinal) { [sku] = 0 });
            stock.Give([(sku, quantity)]);
            await SaveStockAsync(listings, stock, ct);
            return true;
        }, ct);

    /// <summary>What buyers can buy of each SKU of the listings, as the generators' stock.</summary>
    private static SandboxStock StockOf(IEnumerable<EtsySandboxListing> listings) =>
        new(Offerings(listings).GroupBy(o => o.Sku).ToDictionary(g => g.Key, g => g.First().Quantity, StringComparer.Ordinal));

    /// <summary>The enabled offering of each SKU of the listings: what buyers can buy of it.</summary>
    private static IEnumerable<(string Sku, int Quantity)> Offerings(IEnumerable<EtsySandboxListing> listings) =>
        listings.SelectMany(l => l.Inventory.Products.Where(p => !p.IsDeleted && p.Sku.Length > 0)
            .Select(p => (p.Sku, p.Offerings.Where(o => o.IsEnabled && !o.IsDeleted).Sum(o => o.Quantity))));

    private async Task SaveStockAsync(IReadOnlyList<EtsySandboxListing> listings, SandboxStock stock, CancellationToken ct)
    {
        var changed = stock.Changed.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var listing in listings.Where(l => l.Inventory.Products.Any(p => changed.ContainsKey(p.Sku))))
        {
            var products = listing.Inventory.Products.Select(p => changed.TryGetValue(p.Sku, out var quantity)
                ? p with { Offerings = [.. p.Offerings.Select((o, i) => i == 0 ? o with { Quantity = quantity } : o)] }
                : p).ToList();
            await EtsySandboxListings.SaveAsync(store, listing with { Inventory = listing.Inventory with { Products = products } }, time, ct);
        }
    }

    private async Task<List<EtsySandboxListing>> ActiveAsync(long shopId, CancellationToken ct, bool includeInactive = false) =>
        [.. (await store.ListAsync<EtsySandboxListing>(Channel, Listings, new DocumentRange(Owner: Owner(shopId)), ct: ct)).Select(d => d.Document)
            .Where(l => includeInactive || l.Listing.State == "active")];

    private static EtsyWireReceipt NewReceipt(EtsySandboxSeller seller, IReadOnlyList<EtsySandboxListing> listings, string sku, int units, bool cancelled, long now, int i)
    {
        var listing = listings.FirstOrDefault(l => l.Inventory.Products.Any(p => p.Sku == sku));
        var product = listing?.Inventory.Products.First(p => p.Sku == sku);
        var unit = product?.Offerings.FirstOrDefault()?.Price ?? listing?.Listing.Price ?? new EtsyWireMoney(1999, 100, "USD");
        var total = unit with { Amount = unit.Amount * units };
        var id = EtsySandboxAuth.NextId();
        var buyer = EtsySandboxAuth.NextId();
        return new EtsyWireReceipt
        {
            ReceiptId = id, SellerUserId = seller.UserId, BuyerUserId = buyer, BuyerEmail = $"buyer{i + 1}@example.com",
            Name = $"Sandbox Buyer {i + 1}", FirstLine = $"{100 + i} Maker Lane", City = "Hudson", State = "NY", Zip = "12534",
            FormattedAddress = $"Sandbox Buyer {i + 1}\n{100 + i} Maker Lane\nHudson, NY 12534\nUnited States",
            Status = cancelled ? "canceled" : "paid", IsPaid = !cancelled, IsShipped = false,
            CreateTimestamp = now, CreatedTimestamp = now, UpdateTimestamp = now, UpdatedTimestamp = now,
            Grandtotal = total, Subtotal = total, TotalPrice = total, TotalShippingCost = unit with { Amount = 0 }, TotalTaxCost = unit with { Amount = 0 },
            Transactions =
            [
                new EtsyWireTransaction
                {
                    TransactionId = EtsySandboxAuth.NextId(), Title = listing?.Listing.Title ?? $"Sandbox item {sku}", SellerUserId = seller.UserId,
                    BuyerUserId = buyer, CreateTimestamp = now, CreatedTimestamp = now, PaidTimestamp = cancelled ? null : now, Quantity = units,
                    ReceiptId = id, ListingId = listing?.Listing.ListingId, ProductId = product?.ProductId, Sku = sku, Price = unit,
                    ShippingCost = unit with { Amount = 0 },
                },
            ],
        };
    }

    private Task<EtsySandboxSeller> SellerAsync(string? name) => EtsySandboxAuth.EnsureSellerAsync(store, name ?? options.Value.Seller);

    private Task<EtsySandboxSeller> DefaultSeller() => SellerAsync(null);

    private static string Owner(long shopId) => shopId.ToString(CultureInfo.InvariantCulture);

    private static string Id(EtsyWireReceipt receipt) => receipt.ReceiptId.ToString(CultureInfo.InvariantCulture);
}
