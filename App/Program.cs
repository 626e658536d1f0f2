using SellerPortal;
using SellerPortal.Components;
using SellerPortal.Components.Account;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Health;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Features.Listings;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations;
using SellerPortal.Features.Admin.Operations;
using SellerPortal.Sandbox.Common;
using SellerPortal.Scheduling;

var builder = WebApplication.CreateBuilder(args);

builder.AddDatabase();
builder.AddStaffIdentity();
builder.AddPortalUi();
builder.AddHousekeeping();
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

var app = builder.Build();

await app.MigrateDatabaseAsync();
app.MapSellerPortal();
app.Run();

/// <summary>The entry point; public so integration tests can host the app.</summary>
public partial class Program;
