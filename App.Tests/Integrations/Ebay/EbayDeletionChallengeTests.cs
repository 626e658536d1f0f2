using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Ebay;

namespace SellerPortal.Tests.Integrations.Ebay;

public sealed class EbayDeletionChallengeTests
{
    /// <summary>The documented rule computed here independently: SHA-256 over the three parts fed one after another.</summary>
    private static string Independent(string challengeCode, string verificationToken, string endpoint)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(challengeCode));
        hash.AppendData(Encoding.UTF8.GetBytes(verificationToken));
        hash.AppendData(Encoding.UTF8.GetBytes(endpoint));
        return string.Concat(hash.GetHashAndReset().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Response_MatchesAnIndependentlyComputedVector()
    {
        const string challenge = "a8628072-3d33-45ee-9004-bee86830a22d";
        const string token = "portal_verification_token_0123456789_abcdef";
        const string endpoint = "https://portal.example.com/webhooks/Ebay";

        var expected = Independent(challenge, token, endpoint);

        Assert.Equal(64, expected.Length);
        Assert.Equal(expected, EbayDeletionChallenge.Response(challenge, token, endpoint));
        // Order matters: swapping token and endpoint gives another answer.
        Assert.NotEqual(expected, EbayDeletionChallenge.Response(challenge, endpoint, token));
    }

    [Fact]
    public void Response_MatchesEbaysOwnSdkVector()
    {
        const string both = "71745723-d031-455c-bfa5-f90d11b4f20a";

        Assert.Equal("048de9ffd0e35021fefc0388d5c52e0f475324f582f3778ca81a53354ccbbc97",
            EbayDeletionChallenge.Response(both, both, "http://www.testendpoint.com/webhook"));
    }

    [Fact]
    public async Task ChallengeEndpoint_AnswersJsonWithTheHash_AndRejectsAMissingCode()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.Configure<EbayOptions>(o =>
        {
            o.AccountDeletion.VerificationToken = "portal_verification_token_0123456789_abcdef";
            o.AccountDeletion.EndpointUrl = "https://portal.example.com/webhooks/Ebay";
        });
        await using var app = builder.Build();
        app.MapEbayDeletionChallenge();
        await app.StartAsync();
        var client = app.GetTestClient();

        var response = await client.GetAsync("/webhooks/Ebay?challenge_code=abc123");
        var missing = await client.GetAsync("/webhooks/Ebay");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Independent("abc123", "portal_verification_token_0123456789_abcdef", "https://portal.example.com/webhooks/Ebay"),
            body.GetProperty("challengeResponse").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }
}
