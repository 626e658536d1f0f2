using Microsoft.AspNetCore.Mvc.Testing;
using SellerPortal.Data;

namespace SellerPortal.Tests.TestSupport;

/// <summary>Signed-in HTTP clients for integration tests.</summary>
public static class PortalClient
{
    public const string AdminEmail = "admin@example.com";
    public const string Password = "Correct-Horse-42";

    public static HttpClient Anonymous(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Creates the user through Identity (not through setup) and signs in through the real sign-in form.</summary>
    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> factory, string email, string role)
    {
        await EnsureUserAsync(factory, email, role);
        var client = Anonymous(factory);
        var response = await HtmlForms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed for {email}: {(int)response.StatusCode}");
        }

        return client;
    }

    public static Task EnsureUserAsync(WebApplicationFactory<Program> factory, string email, string role) =>
        PortalUsers.EnsureAsync(factory.Services, email, Password, role);
}
