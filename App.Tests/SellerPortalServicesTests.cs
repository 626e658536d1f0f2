using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;
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

namespace SellerPortal.Tests;

/// <summary>
/// No <c>Add…()</c> depends on another having run first (issue 19): the portal's registrations, made in the reverse
/// of <see cref="SellerPortalServices.AddSellerPortal"/>'s order, are the same services, jobs and sync handlers.
/// </summary>
public sealed class SellerPortalServicesTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "sellerportal-tests", Guid.NewGuid().ToString("N"));

    // AddSellerPortal's lines, in its order; the first test fails if a line is added there and not here.
    private static readonly Action<WebApplicationBuilder>[] Steps =
    [
        b => b.AddDatabase(), b => b.AddStaffIdentity(), b => b.AddPublicDoorLimits(), b => b.AddPublicAddress(),
        b => b.AddPortalUi(), b => b.AddScheduling(),
        b => b.AddCatalog(), b => b.AddChannels(), b => b.AddWebhooks(), b => b.AddSync(), b => b.AddListings(),
        b => b.AddInventory(), b => b.AddOrders(), b => b.AddHealth(), b => b.AddLogs(), b => b.AddHousekeeping(),
        b => b.AddOperations(),
        b => b.AddIntegrations(), b => b.AddSandbox(),
    ];

    [Fact]
    public void TheStepsHere_AreAddSellerPortalsLines()
    {
        var app = Builder();
        app.AddSellerPortal();
        var steps = Builder();
        foreach (var step in Steps)
        {
            step(steps);
        }

        Assert.Equal(Registrations(app), Registrations(steps));
    }

    [Fact]
    public void InReverseOrder_TheSameServicesJobsAndHandlersAreRegistered()
    {
        var forward = Builder();
        foreach (var step in Steps)
        {
            step(forward);
        }

        var reverse = Builder();
        foreach (var step in Steps.Reverse())
        {
            step(reverse);
        }

        var (f, r) = (Registrations(forward), Registrations(reverse));
        var differences = f.Except(r).Select(x => "- " + x).Concat(r.Except(f).Select(x => "+ " + x)).ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(f, r);
        using var a = forward.Services.BuildServiceProvider();
        using var b = reverse.Services.BuildServiceProvider();
        Assert.Equal(Jobs(a), Jobs(b));
        Assert.Equal(
            ["DispatchSyncQueueJob", "HousekeepingJob", "ReconcileListingsJob", "ScheduleOrderImportsJob"],
            a.GetRequiredService<IOptions<QuartzOptions>>().Value.JobDetails.Select(j => j.JobType.Name).Order());
        Assert.Equal(Handlers(a), Handlers(b));
        Assert.Equal(nameof(RecordingPushStockHandler), Handlers(b)[nameof(SyncJobKind.PushStock)]);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private WebApplicationBuilder Builder()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path.Combine(folder, "portal.db")}",
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:DataSource"] = Path.Combine(folder, "sandbox.db"),
        });
        return builder;
    }

    private static List<string> Registrations(WebApplicationBuilder builder) =>
        [.. builder.Services.Select(d => string.Join(" ", d.ServiceType.FullName, d.ServiceKey, d.Lifetime,
                (d.IsKeyedService ? d.KeyedImplementationType : d.ImplementationType)?.FullName
                ?? (d.IsKeyedService ? d.KeyedImplementationInstance : d.ImplementationInstance)?.GetType().FullName
                ?? "factory"))
            .Order(StringComparer.Ordinal)];

    private static List<string> Jobs(IServiceProvider services)
    {
        var quartz = services.GetRequiredService<IOptions<QuartzOptions>>().Value;
        return [.. quartz.JobDetails.Select(j => $"{j.Key} {j.JobType.Name}").Concat(quartz.Triggers.Select(t => $"{t.Key} -> {t.JobKey}")).Order(StringComparer.Ordinal)];
    }

    private static Dictionary<string, string> Handlers(IServiceProvider services) =>
        services.GetServices<ISyncJobHandler>().ToDictionary(h => h.Kind.ToString(), h => h.GetType().Name);
}
