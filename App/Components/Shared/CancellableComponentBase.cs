using Microsoft.AspNetCore.Components;

namespace SellerPortal.Components.Shared;

/// <summary>
/// A component whose calls end when it goes away: <see cref="Cancellation"/> is cancelled on dispose, so a dialog
/// closed or a circuit lost mid-call does not keep a channel request running for nobody.
/// </summary>
public abstract class CancellableComponentBase : ComponentBase, IDisposable
{
    private readonly CancellationTokenSource cancellation = new();

    protected CancellationToken Cancellation => cancellation.Token;

    public void Dispose()
    {
        cancellation.Cancel();
        cancellation.Dispose();
        GC.SuppressFinalize(this);
    }
}
