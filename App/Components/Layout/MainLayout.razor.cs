using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SellerPortal.Components.Shared;

namespace SellerPortal.Components.Layout;

public sealed partial class MainLayout
{
    private bool drawerOpen = true;
    private bool darkMode;
    private string? userId;
    private AppErrorBoundary? errorBoundary;

    // A layout cannot inherit CancellableComponentBase (it must be a LayoutComponentBase), so it keeps its own.
    private readonly CancellationTokenSource leaving = new();

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Navigation.LocationChanged += OnLocationChanged;
        if (AuthenticationState is not null)
        {
            var state = await AuthenticationState;
            userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
            if (userId is not null)
            {
                darkMode = await Preferences.GetDarkModeAsync(userId, leaving.Token);
            }
        }
    }

    private async Task ToggleDarkModeAsync()
    {
        darkMode = !darkMode;
        if (userId is not null)
        {
            await Preferences.SetDarkModeAsync(userId, darkMode, leaving.Token);
        }
    }

    // A page that failed gets a fresh start when the user navigates away.
    private void OnLocationChanged(object? sender, Microsoft.AspNetCore.Components.Routing.LocationChangedEventArgs e) =>
        errorBoundary?.Recover();

    public void Dispose()
    {
        Navigation.LocationChanged -= OnLocationChanged;
        leaving.Cancel();
        leaving.Dispose();
    }
}
