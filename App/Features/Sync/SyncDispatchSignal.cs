namespace SellerPortal.Features.Sync;

/// <summary>
/// Raised when work lands in the Orders, Shipments or Stock lanes, so <see cref="DispatchOnSignalService"/> drains it at
/// once instead of at the next <see cref="SyncQueueOptions.DispatchInterval"/> tick. An order on one channel that waits
/// for a tick to be imported and another for its stock push is oversellable on the others for up to two ticks.
/// Raising is cheap and coalesces: many raises before the service wakes cause one drain.
/// </summary>
public sealed class SyncDispatchSignal
{
    private readonly SemaphoreSlim pending = new(0, 1);

    /// <summary>Lanes that wake the dispatcher: a sale's import and the stock pushes it causes (prices and listings wait for the tick).</summary>
    public static bool IsUrgent(int priority) => priority <= SyncLanes.Stock;

    public void Raise()
    {
        try
        {
            pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already raised and not yet taken: the coming drain sees this work too.
        }
    }

    /// <summary>True when raised (and takes it), false after <paramref name="timeout"/>.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => pending.WaitAsync(timeout, ct);
}
