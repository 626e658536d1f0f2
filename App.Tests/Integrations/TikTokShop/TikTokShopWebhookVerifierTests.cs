using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop;
using SellerPortal.Tests.Integrations.TikTokShop.Support;

namespace SellerPortal.Tests.Integrations.TikTokShop;

public sealed class TikTokShopWebhookVerifierTests(TikTokShopEmulatorFixture emulator) : IClassFixture<TikTokShopEmulatorFixture>
{
    // The SDK-derived vector (examples/official/tiktok_signature_vectors.json, "webhook").
    private const string VectorBody =
        """{"type":1,"shop_id":"7494726673780148744","timestamp":1664095733,"data":{"order_id":"576684019603311365","order_status":"AWAITING_SHIPMENT","update_time":1664095610}}""";

    private const string VectorSignature = "21109834de72ec53c9959716d8514ae388ce1f123e5ffdcafc46713fcdf62b27";

    [Fact]
    public void ComputeSignature_MatchesTheSdkVector() =>
        Assert.Equal(VectorSignature, TikTokShopWebhookVerifier.ComputeSignature("fake_app_key", "fake_app_secret", VectorBody));

    [Fact]
    public void Verify_SignedVector_IsValidAndAsksToRefreshTheOrder()
    {
        var verifier = Verifier("fake_app_key", "fake_app_secret");

        var result = verifier.Verify(Request(VectorBody, VectorSignature));

        Assert.True(result.SignatureValid);
        Assert.Equal("ORDER_STATUS_CHANGE", result.EventType);
        Assert.Equal("7494726673780148744", result.ShopId);
        Assert.Equal(new RefreshOrderAction("576684019603311365"), Assert.Single(result.Actions));
        // No tts_notification_id in this payload: the body digest stands in, stable across redeliveries.
        Assert.StartsWith("sha256:", result.EventId, StringComparison.Ordinal);
        Assert.Equal(result.EventId, verifier.Verify(Request(VectorBody, VectorSignature)).EventId);
    }

    [Fact]
    public void Verify_ForgedSignature_IsInvalidWithNoActions()
    {
        var forged = Request(VectorBody, "0" + VectorSignature[1..]);

        var result = Verifier("fake_app_key", "fake_app_secret").Verify(forged);

        Assert.False(result.SignatureValid);
        Assert.Empty(result.Actions);
        Assert.Null(result.EventId);
    }

    [Fact]
    public void Verify_ChecksTheBodysBytes_NotADecodedString()
    {
        // Bytes that are not valid UTF-8 (0xFF): a decoded string turns them into U+FFFD and the HMAC no longer matches.
        byte[] body = [.. System.Text.Encoding.UTF8.GetBytes(VectorBody[..^1] + ",\"note\":\""), 0xFF, .. "\"}"u8];
        var signature = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "fake_app_secret"u8, [.. "fake_app_key"u8, .. body]));
        var headers = new Dictionary<string, string> { ["Authorization"] = signature };

        var result = Verifier("fake_app_key", "fake_app_secret").Verify(new WebhookRequest("/webhooks/TikTokShop", headers, body));

        Assert.True(result.SignatureValid, result.Error);
        Assert.Equal("7494726673780148744", result.ShopId);
    }

    [Fact]
    public void Verify_AnEventOlderThanFifteenMinutes_IsRefused_ButStaffMayReplayTheStoredOne()
    {
        var verifier = Verifier("fake_app_key", "fake_app_secret", VectorNow.AddMinutes(15));

        var late = verifier.Verify(Request(VectorBody, VectorSignature));
        var replayed = verifier.Verify(Request(VectorBody, VectorSignature) with { IsReplay = true });

        Assert.False(late.SignatureValid);
        Assert.Equal("The notification is 16 minutes old; older than 15 minutes is refused.", late.Error);
        Assert.True(replayed.SignatureValid);
    }

    [Fact]
    public void Verify_AnEventDatedAnHourAhead_IsRefused() =>
        Assert.Equal("The notification's timestamp is in the future.",
            Verifier("fake_app_key", "fake_app_secret", VectorNow.AddHours(-1)).Verify(Request(VectorBody, VectorSignature)).Error);

    [Fact]
    public void Verify_TamperedBody_IsInvalid()
    {
        var tampered = VectorBody.Replace("576684019603311365", "576684019603311366", StringComparison.Ordinal);

        Assert.False(Verifier("fake_app_key", "fake_app_secret").Verify(Request(tampered, VectorSignature)).SignatureValid);
    }

    [Fact]
    public void Verify_MissingHeader_IsInvalid() =>
        Assert.False(Verifier("k", "s").Verify(new WebhookRequest("/webhooks/TikTokShop", new Dictionary<string, string>(), VectorBody)).SignatureValid);

    [Fact]
    public async Task Verify_EmulatorOrderWebhook_IsValidWithTikToksNotificationIdAndTheOrder()
    {
        var account = await emulator.Tokens.ConnectAsync("Webhook Seller");
        var response = await emulator.ControlAsync("orders", new { shop_id = account.ShopId, count = 1, seller_skus = new[] { "HOOK-1" } });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var delivery = body.GetProperty("webhooks")[0];
        var payload = delivery.GetProperty("body").GetString()!;
        var verifier = Verifier(TikTokShopEmulatorFixture.AppKey, TikTokShopEmulatorFixture.AppSecret, DateTimeOffset.UtcNow);

        var result = verifier.Verify(Request(payload, delivery.GetProperty("authorization").GetString()!));

        var notificationId = JsonDocument.Parse(payload).RootElement.GetProperty("tts_notification_id").GetString();
        Assert.True(result.SignatureValid);
        Assert.Equal(notificationId, result.EventId);
        Assert.Equal(account.ShopId, result.ShopId);
        Assert.Equal(new RefreshOrderAction(body.GetProperty("order_ids")[0].GetString()!), Assert.Single(result.Actions));
    }

    [Fact]
    public async Task EmulatorWebhooks_SentOverHttp_ArriveSignedAndVerify()
    {
        var account = await emulator.Tokens.ConnectAsync("Delivering Seller");

        var response = await emulator.ControlAsync("orders", new
        {
            shop_id = account.ShopId,
            count = 2,
            seller_skus = new[] { "SENT-1" },
            send_webhooks = true,
            // A caller-named target is not followed: deliveries go where the emulator is configured to send them.
            webhook_url = "http://elsewhere.example/steal",
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.All(body.GetProperty("webhooks").EnumerateArray(), d => Assert.Equal(200, d.GetProperty("status_code").GetInt32()));
        Assert.All(body.GetProperty("webhooks").EnumerateArray(), d => Assert.Equal("http://localhost" + WebhookCaptureAppFactory.ReceiverPath, d.GetProperty("url").GetString()));
        var verifier = Verifier(TikTokShopEmulatorFixture.AppKey, TikTokShopEmulatorFixture.AppSecret, DateTimeOffset.UtcNow);
        var arrived = emulator.Factory.Received.Select(verifier.Verify).Where(v => v.ShopId == account.ShopId).ToList();
        Assert.Equal(2, arrived.Count);
        Assert.All(arrived, v => Assert.True(v.SignatureValid));
        Assert.Equal(
            body.GetProperty("order_ids").EnumerateArray().Select(e => e.GetString()).Order(),
            arrived.SelectMany(v => v.Actions).Cast<RefreshOrderAction>().Select(a => a.ExternalOrderId).Order());
    }

    [Fact]
    public async Task Verify_EmulatorDeauthorization_AsksForReconnect()
    {
        var account = await emulator.Tokens.ConnectAsync("Leaving Seller");
        var response = await emulator.ControlAsync("revoke", new { shop_id = account.ShopId });
        var webhook = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("webhook");

        var result = Verifier(TikTokShopEmulatorFixture.AppKey, TikTokShopEmulatorFixture.AppSecret, DateTimeOffset.UtcNow)
            .Verify(Request(webhook.GetProperty("body").GetString()!, webhook.GetProperty("authorization").GetString()!));

        Assert.True(result.SignatureValid);
        Assert.Equal("SELLER_DEAUTHORIZATION", result.EventType);
        Assert.IsType<AuthorizationRevokedAction>(Assert.Single(result.Actions));
    }

    /// <summary>The vector's own moment (its timestamp 1664095733) plus a minute: inside the 15-minute window.</summary>
    private static readonly DateTimeOffset VectorNow = DateTimeOffset.FromUnixTimeSeconds(1664095733 + 60);

    private static TikTokShopWebhookVerifier Verifier(string appKey, string appSecret, DateTimeOffset? now = null) =>
        new(new StaticOptions(new TikTokShopOptions { AppKey = appKey, AppSecret = appSecret, ServiceId = "s" }),
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now ?? VectorNow));

    private static WebhookRequest Request(string body, string signature) =>
        new("/webhooks/TikTokShop", new Dictionary<string, string> { ["authorization"] = signature, ["Content-Type"] = "application/json" }, body);

    private sealed class StaticOptions(TikTokShopOptions value) : IOptionsMonitor<TikTokShopOptions>
    {
        public TikTokShopOptions CurrentValue => value;

        public TikTokShopOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<TikTokShopOptions, string?> listener) => null;
    }
}
