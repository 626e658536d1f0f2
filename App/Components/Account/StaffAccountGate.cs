namespace SellerPortal.Components.Account;

/// <summary>
/// A signed-in user who must first change a password an Admin set, or (as an Admin, when Admins must) set up an
/// authenticator, reaches only that page and signing out: pages redirect there, anything else is refused.
/// </summary>
public sealed class StaffAccountGate(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/ChangePassword";
    public const string TwoFactorPath = "/Account/TwoFactor";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var destination = user.Identity?.IsAuthenticated != true ? null
            : user.HasClaim(c => c.Type == StaffClaims.MustChangePassword) ? ChangePasswordPath
            : user.HasClaim(c => c.Type == StaffClaims.MustEnrollTwoFactor) ? TwoFactorPath
            : null;
        if (destination is null || IsAlwaysOpen(context.Request.Path, destination))
        {
            return next(context);
        }

        if (HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect(destination);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return context.Response.WriteAsync(destination == ChangePasswordPath
            ? "Choose your own password first (Change password)."
            : "Set up two-factor sign-in first.");
    }

    private static bool IsAlwaysOpen(PathString path, string destination) =>
        path.StartsWithSegments(destination)
        || path.StartsWithSegments("/Account/Logout")
        || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/healthz")
        || path.StartsWithSegments("/webhooks")
        || path.StartsWithSegments("/sandbox")
        || path.StartsWithSegments("/error")
        || Path.HasExtension(path.Value);
}
