using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SellerPortal.Data;

namespace SellerPortal.Components.Account;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a POST carrying an antiforgery token, never a GET link; a post without one gets 400.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (HttpContext context, [FromServices] SignInManager<ApplicationUser> signInManager) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                return Results.Problem("The sign-out form expired. Reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
            }

            await signInManager.SignOutAsync();
            return Results.LocalRedirect("~/Account/Login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }
}
