using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace SellerPortal.Tests.TestSupport;

/// <summary>bUnit context with MudBlazor's services and providers, as MudBlazor's own tests set it up.</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(c =>
        {
            c.SnackbarConfiguration.ShowTransitionDuration = 0;
            c.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        Services.AddSingleton(TimeProvider.System);
        // Badges, title hints and listing fields read the marketplaces' descriptors.
        Services.AddSingleton(TestChannels.Registry());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor registers services that only dispose asynchronously; xunit calls this before Dispose.</summary>
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    /// <summary>Renders the popover, dialog and snackbar providers that Mud components need around them.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderProviders()
    {
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudPopoverProvider>();
    }

    /// <summary>The popover and snackbar providers plus the dialog provider, returned so tests find dialogs in it.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderDialogProvider()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudDialogProvider>();
    }
}
