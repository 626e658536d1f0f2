using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Tests.Features.Dashboard;

/// <summary>Writes channel accounts, API call log rows and sync jobs straight into the test database.</summary>
internal sealed class OperationsSeed(WebApplicationFactory<Program> factory)
{
    public IDbContextFactory<AppDbContext> Contexts => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    public async Task<int> AccountAsync(string name, DateTime createdUtc, Action<ChannelAccount>? configure = null, ChannelKind channel = ChannelKind.Etsy)
    {
        var account = new ChannelAccount { DisplayName = name, Channel = channel, CreatedUtc = createdUtc, ShopId = Guid.NewGuid().ToString("N") };
        configure?.Invoke(account);
        await using var db = Contexts.CreateDbContext();
        db.ChannelAccounts.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    public async Task CallsAsync(int accountId, IEnumerable<SeededCall> calls)
    {
        await using var db = Contexts.CreateDbContext();
        db.ApiCallLogs.AddRange(calls.Select(c => new ApiCallLog
        {
            ChannelAccountId = accountId,
            Channel = "Etsy",
            Operation = c.Operation,
            Method = "GET",
            Path = "/v3/application/shops/1/receipts",
            HttpStatus = c.Status,
            DurationMs = c.DurationMs,
            ErrorCode = c.ErrorCode,
            StartedUtc = c.StartedUtc,
        }));
        await db.SaveChangesAsync();
    }

    public async Task<long> JobAsync(int? accountId, SyncJobKind kind, SyncJobStatus status, DateTime createdUtc, DateTime? completedUtc = null)
    {
        await using var db = Contexts.CreateDbContext();
        var job = new SyncJob
        {
            ChannelAccountId = accountId,
            Kind = kind,
            Status = status,
            Target = Guid.NewGuid().ToString("N"),
            CreatedUtc = createdUtc,
            NextAttemptUtc = createdUtc,
            CompletedUtc = completedUtc,
        };
        db.SyncJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    /// <summary>An order of the account with one history entry per change: each (the channel's update time, when it was recorded here, how).</summary>
    public async Task OrderChangesAsync(int accountId, params (DateTime ChannelUpdatedUtc, DateTime AtUtc, OrderChangeSource Source)[] changes)
    {
        await using var db = Contexts.CreateDbContext();
        var order = new Order { ChannelAccountId = accountId, ExternalOrderId = Guid.NewGuid().ToString("N"), Currency = "USD", Status = OrderStatus.Pending };
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        db.OrderStatusChanges.AddRange(changes.Select(c => new OrderStatusChange
        {
            OrderId = order.Id, To = OrderStatus.Pending, ChannelUpdatedUtc = c.ChannelUpdatedUtc, AtUtc = c.AtUtc, Source = c.Source,
        }));
        await db.SaveChangesAsync();
    }

    public async Task UpdateAccountAsync(int id, Action<ChannelAccount> change)
    {
        await using var db = Contexts.CreateDbContext();
        var account = await db.ChannelAccounts.SingleAsync(a => a.Id == id);
        change(account);
        await db.SaveChangesAsync();
    }

    public async Task SetJobStatusAsync(long id, SyncJobStatus status)
    {
        await using var db = Contexts.CreateDbContext();
        await db.SyncJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, status));
    }
}

internal sealed record SeededCall(DateTime StartedUtc, int? Status, int DurationMs, string? ErrorCode = null, string Operation = "ListOrders")
{
    public bool IsError => Status is null or >= 400;
}
