using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace SellerPortal.Components.Shared;

/// <summary>
/// Catches a failing page, logs the detail for us and shows staff a sentence they can act on
/// (never a stack trace). The layout calls <see cref="ErrorBoundaryBase.Recover"/> on the next navigation.
/// </summary>
public sealed class AppErrorBoundary : ErrorBoundary
{
    [Inject] private ILogger<AppErrorBoundary> Logger { get; set; } = default!;

    protected override void OnParametersSet()
    {
        ErrorContent ??= _ => builder =>
        {
            builder.OpenComponent<FriendlyError>(0);
            builder.CloseComponent();
        };
    }

    protected override Task OnErrorAsync(Exception exception)
    {
        Logger.LogError(exception, "Unhandled error in a page");
        return Task.CompletedTask;
    }
}
