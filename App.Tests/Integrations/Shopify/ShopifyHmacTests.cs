using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using SellerPortal.Integrations.Shopify;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Shopify;

/// <summary>Shopify's HMACs held to the vectors in shopify_hmac_vectors.json, read in place.</summary>
public sealed class ShopifyHmacTests
{
    private const string Vectors = "shopify_hmac_vectors.json";

    [OfficialExampleFact(Vectors)]
    public void CallbackSignature_MatchesTheOfficialCallbackVector_AndItsMessage()
    {
        var vector = Read().GetProperty("oauth_callback")[0];
        var query = QueryHelpers.ParseQuery(vector.GetProperty("query_received").GetString()).ToDictionary(p => p.Key, p => p.Value.ToString());
        var secret = vector.GetProperty("client_secret").GetString()!;

        Assert.Equal(vector.GetProperty("message_after_removing_hmac_sorted").GetString(), ShopifyHmac.CallbackMessage(query));
        Assert.Equal(vector.GetProperty("expected_hmac_hex").GetString(), ShopifyHmac.CallbackSignature(secret, query));
        Assert.True(ShopifyHmac.VerifyCallback(secret, query));
    }

    [OfficialExampleFact(Vectors)]
    public void CallbackSignature_MatchesTheVectorWithoutState()
    {
        var vector = Read().GetProperty("oauth_callback")[1];
        var query = QueryHelpers.ParseQuery(vector.GetProperty("message").GetString()).ToDictionary(p => p.Key, p => p.Value.ToString());

        Assert.Equal(vector.GetProperty("expected_hmac_hex").GetString(), ShopifyHmac.CallbackSignature(vector.GetProperty("client_secret").GetString()!, query));
    }

    [OfficialExampleFact(Vectors)]
    public void ATamperedCallbackValue_IsRefused_AndTheLegacySignatureIsIgnored()
    {
        var vector = Read().GetProperty("oauth_callback")[0];
        var query = QueryHelpers.ParseQuery(vector.GetProperty("query_received").GetString()).ToDictionary(p => p.Key, p => p.Value.ToString());
        var secret = vector.GetProperty("client_secret").GetString()!;

        var withLegacy = new Dictionary<string, string>(query) { ["signature"] = "anything" };
        var tampered = new Dictionary<string, string>(query) { ["shop"] = "other-shop.myshopify.com" };

        Assert.True(ShopifyHmac.VerifyCallback(secret, withLegacy));
        Assert.False(ShopifyHmac.VerifyCallback(secret, tampered));
        Assert.False(ShopifyHmac.VerifyCallback("wrong", query));
    }

    [OfficialExampleFact(Vectors)]
    public void WebhookSignature_MatchesTheWebhookVector_OverTheRawBytes()
    {
        var vector = Read().GetProperty("webhook");
        var secret = vector.GetProperty("client_secret").GetString()!;
        var body = vector.GetProperty("raw_body").GetString()!;
        var expected = vector.GetProperty("expected_x_shopify_hmac_sha256").GetString()!;

        Assert.Equal(expected, ShopifyHmac.WebhookSignature(secret, body));
        Assert.True(ShopifyHmac.VerifyWebhook(secret, System.Text.Encoding.UTF8.GetBytes(body), expected));
        Assert.False(ShopifyHmac.VerifyWebhook(secret, body.Replace("10.00", "11.00", StringComparison.Ordinal), expected));
        Assert.False(ShopifyHmac.VerifyWebhook(secret, body, "not base64!"));
    }

    private static JsonElement Read() => JsonDocument.Parse(OfficialExamples.Read(Vectors)!).RootElement;
}
