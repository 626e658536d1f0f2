using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace SellerPortal.Integrations.Ebay;

public static class EbayDeletionEndpoints
{
    /// <summary>
    /// eBay's endpoint check: <c>GET /webhooks/Ebay?challenge_code=…</c> answered with
    /// <c>{"challengeResponse": hex SHA-256(challengeCode + verificationToken + endpoint)}</c> as application/json.
    /// The notifications themselves arrive as POSTs on the same path, at the shared webhook intake.
    /// </summary>
    public static IEndpointRouteBuilder MapEbayDeletionChallenge(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/webhooks/Ebay", ([FromQuery(Name = "challenge_code")] string? challengeCode, IOptions<EbayOptions> options) =>
        {
            if (string.IsNullOrEmpty(challengeCode))
            {
                return Results.BadRequest();
            }

            var deletion = options.Value.AccountDeletion;
            if (string.IsNullOrEmpty(deletion.VerificationToken) || string.IsNullOrEmpty(deletion.EndpointUrl))
            {
                return Results.Problem("The eBay account deletion endpoint is not configured.", statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return Results.Json(new { challengeResponse = EbayDeletionChallenge.Response(challengeCode, deletion.VerificationToken, deletion.EndpointUrl) });
        }).AllowAnonymous();
        return endpoints;
    }
}
