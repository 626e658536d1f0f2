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
    /// <summary>
    /// Every feature and marketplace, one line each, in three groups: the app and the benchmark command host the same
    /// portal. No line depends on another having run first (SellerPortalServicesTests reverses them to prove it).
    /// </summary>
    public static WebApplicationBuilder AddSellerPortal(this WebApplicationBuilder builder)
    {
        // The platform: storage, sign-in, the public doors, the UI shell and the scheduler.
        builder.AddDatabase();
        builder.AddStaffIdentity();
        builder.AddPublicDoorLimits();
        builder.AddPublicAddress();
        builder.AddPortalUi();
        builder.AddScheduling();

        // The features, each with its own services, configuration and jobs.
        builder.AddCatalog();
        builder.AddChannels();
        builder.AddWebhooks();
        builder.AddSync();
        builder.AddListings();
        builder.AddInventory();
        builder.AddOrders();
        builder.AddHealth();
        builder.AddLogs();
        builder.AddHousekeeping();
        builder.AddOperations();

        // The marketplaces and, in Development and tests, their emulators.
        builder.AddIntegrations();
        builder.AddSandbox();
        return builder;
    }
}
