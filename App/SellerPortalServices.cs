using SellerPortal.Components;
using SellerPortal.Components.Account;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Health;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Features.Admin.Operations;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Orders;
using SellerPortal.Features.PublicDoors;
using SellerPortal.Features.Sync;
using SellerPortal.Features.Webhooks;
using SellerPortal.Integrations;
using SellerPortal.Sandbox.Common;
using SellerPortal.Scheduling;

namespace SellerPortal;

public static class SellerPortalServices
{
    /// <summary>Every feature and marketplace, one line each: the app and the benchmark command host the same portal.</summary>
    public static WebApplicationBuilder AddSellerPortal(this WebApplicationBuilder builder)
    {
        builder.AddDatabase();
        builder.AddStaffIdentity();
        builder.AddPublicDoorLimits();
        builder.AddPublicAddress();
        builder.AddPortalUi();
        builder.AddHousekeeping();
        builder.AddLogs();
        builder.AddChannels();
        builder.AddWebhooks();
        builder.AddSync();
        builder.AddListings();
        builder.AddInventory();
        builder.AddOrders();
        builder.AddScheduling();
        builder.AddHealth();
        builder.AddIntegrations();
        builder.AddSandbox();
        builder.AddCatalog();
        builder.AddOperations();
        return builder;
    }
}
