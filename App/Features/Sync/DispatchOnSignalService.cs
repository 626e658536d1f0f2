using System.Collections.Concurrent;

namespace SellerPortal.Features.Sync;

/// <summary>
/// Drains the accounts with due work as soon as <see cref="SyncDispatchSignal"/> is raised, each account on its own so
/// an eBay stock push does not wait behind an Amazon import. The Quartz <see cref="DispatchSyncQueueJob"/> stays the
/// safety net for retries that come due later; claims are atomic per job, so the two never run a job twice.
/// </summary>
public sealed class DispatchOnSignalService(
    SyncDispatchSignal signal,
    SyncQueue queue,
    SyncDispatcher dispatcher,
    ILogger<DispatchOnSignalService> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<int, Task> draining = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await signal.WaitAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                foreach (var accountId in await queue.AccountsWithDueJobsAsync(stoppingToken))
                {
                    // One drain per account at a time; a drain keeps claiming until the account's queue is empty.
                    if (!draining.ContainsKey(accountId))
                    {
                        draining[accountId] = Task.Run(() => DrainAsync(accountId, stoppingToken), stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "On-demand dispatch failed; the next tick of the dispatch job picks the work up.");
            }
        }

        await Task.WhenAll(draining.Values).WaitAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task DrainAsync(int accountId, CancellationToken ct)
    {
        var claimed = 0;
        try
        {
            claimed = (await dispatcher.DrainAccountAsync(accountId, ct)).Claimed;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "On-demand dispatch for account {Account} failed; the next tick retries.", accountId);
        }
        finally
        {
            draining.TryRemove(accountId, out _);
        }

        if (claimed > 0)
        {
            // Work that landed while this drain was finishing found the account busy: look again.
            signal.Raise();
        }
    }
}
