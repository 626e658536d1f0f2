using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Orders;

/// <summary>Re-reads one order from its channel (target = external order id) and imports it like any page.</summary>
public sealed class RefreshOrderHandler(OrderImporter importer) : ISyncJobHandler
{
    public SyncJobKind Kind => SyncJobKind.RefreshOrder;

    public int BatchSize(ChannelCapabilities capabilities) => 1;

    public async Task<IReadOnlyList<SyncJobOutcome>> HandleAsync(SyncContext context, IReadOnlyList<SyncJob> jobs, CancellationToken ct)
    {
        var outcomes = new List<SyncJobOutcome>();
        foreach (var job in jobs)
        {
            var order = await context.Connector.GetOrderAsync(context.Account, job.Target, ct);
            if (order is null)
            {
                outcomes.Add(new SyncJobOutcome(job.Id, false, $"The channel does not know order {job.Target}.", Retryable: false));
                continue;
            }

            await importer.ImportAsync(context.Account.AccountId, [order], OrderChangeSource.Refresh, ct);
            outcomes.Add(SyncJobOutcome.Ok(job.Id));
        }

        return outcomes;
    }
}
