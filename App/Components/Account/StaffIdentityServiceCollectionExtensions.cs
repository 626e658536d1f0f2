using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Data;
using SellerPortal.Features.Setup;

namespace SellerPortal.Components.Account;

public static class StaffIdentityServiceCollectionExtensions
{
    public const string AdminPolicy = "Admin";

    /// <summary>
    /// ASP.NET Core Identity with EF stores and two roles. Every endpoint requires a signed-in user unless it says
    /// otherwise (fallback policy); Admin pages require the Admin role; 5 failed sign-ins lock the account.
    /// </summary>
    public static IHostApplicationBuilder AddStaffIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        // Replace, not add: Blazor's interactive server components TryAdd their own provider, and whichever of the two
        // registrations runs first, the portal's revalidating one is the only one.
        services.Replace(ServiceDescriptor.Scoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>());

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "SellerPortal.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = SellerPortal.Features.PublicDoors.PublicAddress.CookieMustBeSecure(builder.Environment)
                ? CookieSecurePolicy.Always
                : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            o.SlidingExpiration = true;
            // A signed-in user without the role gets a real 403 (rendered by the status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // The cookie is checked against the account at every request: a disabled user, a reset password or a changed
        // role ends the session on the next request, and the claims (StaffClaims) are rebuilt from the account.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<StaffSecurityPolicy>();

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin));

        services.AddSingleton<SetupState>();
        services.AddSingleton<SetupCode>();
        services.AddHostedService<SetupCodeAnnouncer>();
        services.AddScoped<FirstAdminSetup>();
        return builder;
    }
}
