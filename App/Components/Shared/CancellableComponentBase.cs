using Microsoft.AspNetCore.Components;

namespace SellerPortal.Components.Shared;

/// <summary>
/// A component whose calls end when it goes away: <see cref="Cancellation"/> is cancelled on dispose, so a page the
/// user left, a dialog closed or a circuit lost mid-call does not keep a query or a channel request running for nobody.
/// Every service call from a component passes it.
/// </summary>
public abstract class CancellableComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource cancellation = new();

    protected CancellationToken Cancellation => cancellation.Token;

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            cancellation.Cancel();
            cancellation.Dispose();
        }
    }
}
