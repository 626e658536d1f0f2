using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Tests.Integrations.TikTokShop.Support;

namespace SellerPortal.Tests.Integrations.TikTokShop;

/// <summary>
/// The warehouse a TikTok shop's stock goes to: offered from the shop's active sales warehouses (the default first
/// chosen), and only one of those can be saved, with a sentence saying why not.
/// </summary>
public sealed class TikTokShopAccountSettingsTests
{
    private const string Warehouses = """
        {"code":0,"message":"Success","request_id":"202612070001","data":{"warehouses":[
          {"id":"7000000000000000001","name":"Overflow","effect_status":"ENABLED","type":"SALES_WAREHOUSE","is_default":false},
          {"id":"7000000000000000002","name":"Main","effect_status":"ENABLED","type":"SALES_WAREHOUSE","is_default":true},
          {"id":"7000000000000000003","name":"Closed","effect_status":"DISABLED","type":"SALES_WAREHOUSE","is_default":false},
          {"id":"7000000000000000004","name":"Returns","effect_status":"ENABLED","type":"RETURN_WAREHOUSE","is_default":false}]}}
        """;

    private static TikTokShopAccountSettings Settings(string answer = Warehouses) =>
        new TikTokWireRecorder().Answer("logistics/202309/warehouses", answer).Services().GetRequiredService<TikTokShopAccountSettings>();

    [Fact]
    public async Task Read_OffersTheActiveSalesWarehouses_WithTheDefaultChosen()
    {
        var setting = Assert.Single(await Settings().ReadAsync(TikTokWireRecorder.Account, default));

        Assert.Equal(TikTokShopAccountSettings.Warehouse, setting.Key);
        Assert.Equal([("7000000000000000001", "Overflow"), ("7000000000000000002", "Main (default)")], setting.Choices.Select(c => (c.Value, c.Label)));
        Assert.Equal("7000000000000000002", setting.Value);
    }

    [Fact]
    public async Task Read_ShowsTheSavedChoice_OverTheDefault()
    {
        var account = TikTokWireRecorder.Account with
        {
            Properties = new Dictionary<string, string>(TikTokWireRecorder.Account.Properties) { [TikTokShopAccountSettings.Warehouse] = "7000000000000000001" },
        };

        var setting = Assert.Single(await Settings().ReadAsync(account, default));

        Assert.Equal("7000000000000000001", setting.Value);
    }

    [Fact]
    public async Task Read_AShopWithoutASalesWarehouse_SaysWhereToAddOne()
    {
        var none = """{"code":0,"message":"Success","request_id":"1","data":{"warehouses":[{"id":"9","name":"Returns","effect_status":"ENABLED","type":"RETURN_WAREHOUSE","is_default":true}]}}""";

        var setting = Assert.Single(await Settings(none).ReadAsync(TikTokWireRecorder.Account, default));

        Assert.Empty(setting.Choices);
        Assert.Null(setting.Value);
        Assert.Contains("add one in TikTok Shop Seller Center", setting.Help);
    }

    [Fact]
    public async Task Apply_AnActiveSalesWarehouse_IsSavedTrimmed()
    {
        var saved = await Settings().ApplyAsync(TikTokWireRecorder.Account, new Dictionary<string, string> { [TikTokShopAccountSettings.Warehouse] = " 7000000000000000001 " }, default);

        Assert.Equal(new Dictionary<string, string> { [TikTokShopAccountSettings.Warehouse] = "7000000000000000001" }, saved);
    }

    [Theory]
    [InlineData("7000000000000000003", "TikTok Shop has no active sales warehouse 7000000000000000003 for this shop.")]
    [InlineData("7000000000000000004", "TikTok Shop has no active sales warehouse 7000000000000000004 for this shop.")]
    [InlineData("  ", "Choose the warehouse for the portal's stock.")]
    public async Task Apply_ADisabledOrReturnWarehouse_OrNone_IsRefusedNamingWhy(string chosen, string why)
    {
        var ex = await Assert.ThrowsAsync<ChannelValidationException>(() =>
            Settings().ApplyAsync(TikTokWireRecorder.Account, new Dictionary<string, string> { [TikTokShopAccountSettings.Warehouse] = chosen }, default));

        var field = Assert.Single(ex.FieldErrors);
        Assert.Equal((TikTokShopAccountSettings.Warehouse, why), (field.Field, field.Message));
    }
}
