using SellerPortal.Components;
using SellerPortal.Components.Account;
using SellerPortal.Features.Admin.Health;
using SellerPortal.Features.Admin.Operations;
using SellerPortal.Features.Channels;
using SellerPortal.Features.PublicDoors;
using SellerPortal.Features.Setup;
using SellerPortal.Features.Webhooks;
using SellerPortal.Integrations;
using SellerPortal.Sandbox.Common;

namespace SellerPortal;

public static class SellerPortalEndpoints
{
    /// <summary>The request pipeline and every endpoint, in order.</summary>
    public static WebApplication MapSellerPortal(this WebApplication app)
    {
        app.UsePublicAddress();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error/500", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UsePublicDoorLimits();
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<SetupRedirectMiddleware>();
        app.UseAuthentication();
        app.UseMiddleware<SellerPortal.Components.Account.StaffAccountGate>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthProbe();
        app.MapOperations();
        app.MapAccountEndpoints();
        app.MapSandbox();
        app.MapChannelEndpoints();
        app.MapWebhooks();
        app.MapIntegrations();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
