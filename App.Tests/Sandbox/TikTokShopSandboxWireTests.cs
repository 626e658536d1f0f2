using SellerPortal.Sandbox.TikTokShop;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Sandbox;

/// <summary>
/// The TikTok emulator's own wire model reads TikTok's official request examples whole (issue 20), with its strict
/// reader: every member the official example sends is known to it, by TikTok's name and JSON type. The same reader
/// refuses another casing or a misspelling, naming the member, so the client cannot drift unseen.
/// </summary>
public sealed class TikTokShopSandboxWireTests
{
    private static T ReadOfficial<T>(string file)
        where T : class
    {
        var read = TikTokShopSandboxResults.Read<T>(OfficialExamples.Read(file)!, out var problem);
        Assert.True(read is not null, problem);
        return read;
    }

    [OfficialExampleFact("tiktok_createProduct_202309_request_example.json")]
    public void TheOfficialCreateProductRequest_IsReadWhole()
    {
        var product = ReadOfficial<TikTokWireProductWrite>("tiktok_createProduct_202309_request_example.json");

        Assert.Equal("LISTING", product.SaveMode);
        Assert.Equal("600001", product.CategoryId);
        Assert.Equal("tos-maliva-i-o3syd03w52-us/c668cdf70b7f483c94dbe", product.MainImages![0].Uri);
        Assert.Equal(("1.32", "KILOGRAM"), (product.PackageWeight!.Value, product.PackageWeight.Unit));
        var sku = product.Skus![0];
        Assert.Equal(("1.21", "USD"), (sku.Price!.Amount, sku.Price.Currency!.Trim())); // the official example has "USD\n"
        Assert.Equal(("7068517275539719942", 999), (sku.Inventory![0].WarehouseId, sku.Inventory[0].Quantity));
    }

    [OfficialExampleFact("tiktok_updateInventory_202309_request_example.json")]
    public void TheOfficialUpdateInventoryRequest_IsReadWhole()
    {
        var update = ReadOfficial<TikTokWireInventoryUpdate>("tiktok_updateInventory_202309_request_example.json");

        var inventory = update.Skus![0].Inventory![0];
        Assert.Equal(("1729592969712207013", "7068517275539719942", 999), (update.Skus[0].Id, inventory.WarehouseId, inventory.Quantity));
    }

    [OfficialExampleFact("tiktok_updatePrice_202309_request_example.json")]
    public void TheOfficialUpdatePriceRequest_IsReadWhole()
    {
        var update = ReadOfficial<TikTokWirePriceUpdate>("tiktok_updatePrice_202309_request_example.json");

        Assert.Equal(("1.32", "USD", "1.32"), (update.Skus![0].Price!.Amount, update.Skus[0].Price!.Currency, update.Skus[0].Price!.SalePrice));
    }

    [OfficialExampleFact("tiktok_getOrderList_202309_request_body_example.json")]
    public void TheOfficialOrderListBody_IsReadWhole()
    {
        var search = ReadOfficial<TikTokWireOrderSearch>("tiktok_getOrderList_202309_request_body_example.json");

        Assert.Equal(("UNPAID", 1623812664L, false), (search.OrderStatus, search.UpdateTimeGe, search.IsBuyerRequestCancel));
        Assert.Equal(["7000714532876273888", "7000714532876273666"], search.WarehouseIds);
    }

    [OfficialExampleFact("tiktok_shipPackage_202309_request_example.json", "tiktok_updateShippingInfo_request_example.json")]
    public void TheOfficialShipPackageAndShippingInfoRequests_AreReadWhole()
    {
        var ship = ReadOfficial<TikTokWireShipPackage>("tiktok_shipPackage_202309_request_example.json");
        var info = ReadOfficial<TikTokWireTracking>("tiktok_updateShippingInfo_request_example.json");

        Assert.Equal(("PICKUP", "JX12345", "6617675021119438849"), (ship.HandoverMethod, ship.SelfShipment!.TrackingNumber, ship.SelfShipment.ShippingProviderId));
        Assert.Equal(("576460868968549926", "6965352555291346690"), (info.TrackingNumber, info.ShippingProviderId));
    }

    [Theory]
    [InlineData("""{"Tracking_Number":"T1","shipping_provider_id":"1"}""", "Tracking_Number")]
    [InlineData("""{"trackingNumber":"T1","shipping_provider_id":"1"}""", "trackingNumber")]
    [InlineData("""{"tracking_number":"T1","shipping_provider_id":1}""", "shipping_provider_id")]
    public void AnotherCasing_AMisspelling_OrANumberForAString_IsRefusedNamingTheMember(string body, string member)
    {
        var read = TikTokShopSandboxResults.Read<TikTokWireTracking>(body, out var problem);

        Assert.Null(read);
        Assert.Contains(member, problem);
    }
}
