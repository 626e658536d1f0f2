namespace SellerPortal.Features.Setup;

/// <summary>While no user exists, every page leads to first-run setup.</summary>
public sealed class SetupRedirectMiddleware(RequestDelegate next, SetupState state)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method)
            && IsPage(context.Request.Path)
            && !await state.IsCompleteAsync(context.RequestAborted))
        {
            context.Response.Redirect("/setup");
            return;
        }

        await next(context);
    }

    private static bool IsPage(PathString path) =>
        !path.StartsWithSegments("/setup")
        && !path.StartsWithSegments("/healthz")
        && !path.StartsWithSegments("/_framework")
        && !path.StartsWithSegments("/_content")
        && !path.StartsWithSegments("/_blazor")
        && !path.StartsWithSegments("/sandbox")
        && !path.StartsWithSegments("/webhooks")
        && !path.StartsWithSegments("/metrics")
        && !Path.HasExtension(path.Value);
}
