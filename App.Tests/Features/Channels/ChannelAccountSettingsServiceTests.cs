using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Features.Listings;

namespace SellerPortal.Tests.Features.Channels;

/// <summary>An account's one-time settings, read from the channel's emulator and saved on the account by an Admin only.</summary>
public sealed class ChannelAccountSettingsServiceTests
{
    private static readonly Actor Admin = new("u1", "admin@example.com", IsAdmin: true);

    private static readonly Dictionary<string, string> SeededChoices = new()
    {
        ["fulfillment_policy_id"] = "6196932000",
        ["payment_policy_id"] = "6196933000",
        ["return_policy_id"] = "6196934000",
        ["merchant_location_key"] = "warehouse-1",
    };

    [Fact]
    public async Task AnAdmin_SavesTheEbayChoices_OnTheAccountsProperties_WithAnAuditEntry()
    {
        await using var portal = EmulatorPortal.Start();
        var ebay = await portal.ConnectAsync(ChannelKind.Ebay);
        var service = portal.Services.GetRequiredService<ChannelAccountSettingsService>();

        var view = await service.ReadAsync(ebay, CancellationToken.None);
        var error = await service.SaveAsync(ebay, SeededChoices, Admin, CancellationToken.None);

        Assert.Null(view.Error);
        Assert.Equal(["fulfillment_policy_id", "payment_policy_id", "return_policy_id", "merchant_location_key"], view.Settings.Select(s => s.Key));
        Assert.True(service.Offers(ChannelKind.Ebay));
        Assert.Null(error);
        var account = await portal.AccountAsync(ebay);
        var properties = JsonSerializer.Deserialize<Dictionary<string, string>>(account.PropertiesJson!)!;
        Assert.Equal("warehouse-1", properties["merchant_location_key"]);
        Assert.Equal("6196934000", properties["return_policy_id"]);
        Assert.Equal(SeededChoices["fulfillment_policy_id"], (await service.ReadAsync(ebay, CancellationToken.None)).Settings[0].Value);
        await using var db = portal.Db.CreateDbContext();
        Assert.Equal("channel.settings", (await db.AuditEntries.SingleAsync(a => a.Action == "channel.settings")).Action);
    }

    [Fact]
    public async Task AStaffMember_IsRefused_AndAChoiceEbayDoesNotHave_IsNamed_WithNothingStored()
    {
        await using var portal = EmulatorPortal.Start();
        var ebay = await portal.ConnectAsync(ChannelKind.Ebay);
        var service = portal.Services.GetRequiredService<ChannelAccountSettingsService>();
        var before = (await portal.AccountAsync(ebay)).PropertiesJson;

        var refused = await Assert.ThrowsAsync<AdminRequiredException>(() => service.SaveAsync(ebay, SeededChoices, Admin with { IsAdmin = false }, CancellationToken.None));
        var wrong = await service.SaveAsync(ebay, new Dictionary<string, string>(SeededChoices) { ["payment_policy_id"] = "123" }, Admin, CancellationToken.None);

        Assert.Equal("Only an Admin can change a marketplace account's settings.", refused.Message);
        Assert.Equal("The eBay settings were not saved: eBay has no payment policy 123 for this account.", wrong);
        Assert.Equal(before, (await portal.AccountAsync(ebay)).PropertiesJson);
        Assert.False(service.Offers(ChannelKind.Amazon));
    }
}
