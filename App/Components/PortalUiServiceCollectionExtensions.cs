using MudBlazor;
using MudBlazor.Services;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Admin.Users;
using SellerPortal.Features.Dashboard;
using SellerPortal.Features.Preferences;

namespace SellerPortal.Components;

public static class PortalUiServiceCollectionExtensions
{
    /// <summary>Blazor Server with MudBlazor, and the services the shell's pages use.</summary>
    public static IHostApplicationBuilder AddPortalUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices(c =>
        {
            c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
            c.SnackbarConfiguration.VisibleStateDuration = 5000;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AuditLog>();
        builder.Services.AddSingleton<UserPreferences>();
        builder.Services.AddSingleton<DashboardSummary>();
        builder.Services.AddSingleton<ChannelHealthSummary>();
        builder.Services.AddSingleton<StaffUsers>();
        return builder;
    }
}
