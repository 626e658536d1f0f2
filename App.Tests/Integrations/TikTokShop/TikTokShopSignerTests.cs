using System.Text.Json;
using SellerPortal.Integrations.TikTokShop;

using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.TikTokShop;

public sealed class TikTokShopSignerTests
{
    private static readonly Dictionary<string, string> WorkedQuery = new()
    {
        ["app_key"] = "abc",
        ["timestamp"] = "1700000000",
        ["page_size"] = "10",
    };

    [Fact]
    public void Sign_NotesWorkedExample_GivesDocumentedSign()
    {
        var sign = TikTokShopSigner.Sign("/api/orders/search", WorkedQuery, null, "secret");

        Assert.Equal("e753c6f1f0187d86f6ff4162af99343c57895b42dee53ad636d74aabfab442a1", sign);
    }

    [Fact]
    public void Sign_OfficialAuthorizedShopsExample_FollowsTheStepsNotTheCurlLine()
    {
        var query = new Dictionary<string, string> { ["app_key"] = "29a39d", ["timestamp"] = "1623812664" };

        var sign = TikTokShopSigner.Sign("/authorization/202309/shops", query, null, "e59af819cc");

        Assert.Equal("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8", sign);
    }

    [Fact]
    public void Sign_WebhookSubscriptionExample_AppendsTheCompactBody()
    {
        var query = new Dictionary<string, string>
        {
            ["timestamp"] = "1696909648",
            ["shop_cipher"] = "ROW_xkMbgAAAeVAQra0eZWebFQq5aIK",
            ["app_key"] = "68xu9ks5p4i8",
        };

        var sign = TikTokShopSigner.Sign("/event/202309/webhooks", query,
            """{"address":"https://partner.tiktokshop.com","event_type":"PACKAGE_UPDATE"}""", "e59af819cc");

        Assert.Equal("cd0d6268252f4ba293bf7ea4c0a2873bf9beec600d22530638564ab301435f7a", sign);
    }

    [Fact]
    public void Sign_EcomPhpUnitTestVector_Matches()
    {
        var sign = TikTokShopSigner.Sign("/test-api", new Dictionary<string, string> { ["foo"] = "bar" }, null, "app_secret");

        Assert.Equal("d3cb7fe11ecae942802ceeca67e7cf10120cc12f1517d45fbc1c8cfe5413c80f", sign);
    }

    [OfficialExampleFact("tiktok_signature_vectors.json")]
    public void Sign_EveryVectorInTheSharedOfficialFile_Matches()
    {
        using var doc = JsonDocument.Parse(OfficialExamples.Read("tiktok_signature_vectors.json")!);
        var checkedCount = 0;
        foreach (var vector in doc.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var expected = vector.TryGetProperty("expected_sign", out var e) ? e.GetString() : vector.GetProperty("expected_sign_self_computed").GetString();
            var query = vector.GetProperty("query").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            var body = vector.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;

            var sign = TikTokShopSigner.Sign(vector.GetProperty("path").GetString()!, query, body, vector.GetProperty("app_secret").GetString()!);

            Assert.True(expected == sign, $"{vector.GetProperty("name").GetString()}: expected {expected}, got {sign}");
            checkedCount++;
        }

        Assert.True(checkedCount >= 3);
    }

    [Fact]
    public void Sign_IgnoresSignAndAccessTokenParameters()
    {
        var withExtras = new Dictionary<string, string>(WorkedQuery) { ["sign"] = "whatever", ["access_token"] = "TTP_token" };

        Assert.Equal(TikTokShopSigner.Sign("/api/orders/search", WorkedQuery, null, "secret"),
            TikTokShopSigner.Sign("/api/orders/search", withExtras, null, "secret"));
    }

    [Fact]
    public void Sign_DoesNotDependOnParameterOrder()
    {
        var reversed = WorkedQuery.Reverse().ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(TikTokShopSigner.Sign("/api/orders/search", WorkedQuery, null, "secret"),
            TikTokShopSigner.Sign("/api/orders/search", reversed, null, "secret"));
    }

    [Theory]
    [InlineData("page_size", "11")]
    [InlineData("timestamp", "1700000001")]
    [InlineData("shop_cipher", "ROW_abc")]
    public void Sign_ChangesWhenAParameterChanges(string key, string value)
    {
        var changed = new Dictionary<string, string>(WorkedQuery) { [key] = value };

        Assert.NotEqual(TikTokShopSigner.Sign("/api/orders/search", WorkedQuery, null, "secret"),
            TikTokShopSigner.Sign("/api/orders/search", changed, null, "secret"));
    }

    [Fact]
    public void Sign_ChangesWithPathBodyOrSecret()
    {
        var baseline = TikTokShopSigner.Sign("/api/orders/search", WorkedQuery, """{"a":1}""", "secret");

        Assert.NotEqual(baseline, TikTokShopSigner.Sign("/api/orders/searc", WorkedQuery, """{"a":1}""", "secret"));
        Assert.NotEqual(baseline, TikTokShopSigner.Sign("/api/orders/search", WorkedQuery, """{"a":2}""", "secret"));
        Assert.NotEqual(baseline, TikTokShopSigner.Sign("/api/orders/search", WorkedQuery, null, "secret"));
        Assert.NotEqual(baseline, TikTokShopSigner.Sign("/api/orders/search", WorkedQuery, """{"a":1}""", "secreT"));
        Assert.Matches("^[0-9a-f]{64}$", baseline);
    }
}
