using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Tests.Integrations.Ebay.Support;

using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Ebay;

/// <summary>
/// eBay's own SDK vector (examples/official/ebay_notification_signature_vector.json): the public key is fetched from
/// the emulator's notification API with an application token, then the ECDSA/SHA-1 signature is checked over the body.
/// </summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class EbayWebhookVerifierTests(EbayEmulatorFixture emulator)
{
    // Compact JSON, key order as sent: the exact bytes eBay signed.
    private const string Body =
        "{\"metadata\":{\"topic\":\"MARKETPLACE_ACCOUNT_DELETION\",\"schemaVersion\":\"1.0\",\"deprecated\":false},"
        + "\"notification\":{\"notificationId\":\"49feeaeb-4982-42d9-a377-9645b8479411_33f7e043-fed8-442b-9d44-791923bd9a6d\","
        + "\"eventDate\":\"2021-03-19T20:43:59.462Z\",\"publishDate\":\"2021-03-19T20:43:59.679Z\",\"publishAttemptCount\":1,"
        + "\"data\":{\"username\":\"test_user\",\"userId\":\"ma8vp1jySJC\",\"eiasToken\":\"nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6wJnY+gAZGEpwmdj6x9nY+seQ==\"}}}";

    private const string ValidHeader =
        "eyJhbGciOiJlY2RzYSIsImtpZCI6Ijk5MzYyNjFhLTdkN2ItNDYyMS1hMGYxLTk2Y2NiNDI4YWY0OSIsInNpZ25hdHVyZSI6Ik1FWUNJUUNmeGZJV3V4bVdjSUJRSjljNS9YN2lHREpxczJSQ0dzQkVhQWppbnlycmZBSWhBSVY2d0djVGlCdVY1S0pVaWYyaG9reXJMK1E5c3NIa2FkK214Mm5FRTI1dyIsImRpZ2VzdCI6IlNIQTEifQ==";

    private const string MismatchHeader =
        "eyJhbGciOiJlY2RzYSIsImtpZCI6Ijk5MzYyNjFhLTdkN2ItNDYyMS1hMGYxLTk2Y2NiNDI4YWY0OSIsInNpZ25hdHVyZSI6Ik1FVUNJUUNHY1NubUFrVGZyK1paMlZnMGJXRW9zOGEvdGVCcWk3UGU2OCtoR21MTUNRSWdlRnZrcnRvKzhkczhSVndJM0dnbjFtTUdDck5NRVpKM1NSbE8yZngveHFJPSIsImRpZ2VzdCI6IlNIQTEifQ==";

    private EbayWebhookVerifier Verifier => emulator.Host.Services.GetRequiredService<EbayWebhookVerifier>();

    private static WebhookRequest Request(string body, string? signature) =>
        new("/webhooks/Ebay", signature is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["x-ebay-signature"] = signature }, body);

    [Fact]
    public void Verify_OfficialValidVector_AsksToEraseTheUsersData()
    {
        var result = Verifier.Verify(Request(Body, ValidHeader));

        Assert.True(result.SignatureValid, result.Error);
        Assert.Equal("MARKETPLACE_ACCOUNT_DELETION", result.EventType);
        Assert.Equal("49feeaeb-4982-42d9-a377-9645b8479411_33f7e043-fed8-442b-9d44-791923bd9a6d", result.EventId);
        Assert.Equal(new EraseBuyerDataAction("test_user"), Assert.Single(result.Actions));
    }

    [OfficialExampleFact("ebay_notification_signature_vector.json")]
    public void Verify_TheOfficialVectorFileInPlace_ValidAndMismatchHeaders()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(OfficialExamples.Read("ebay_notification_signature_vector.json")!);
        var root = doc.RootElement;
        // The file prints the body as a Python dict, not as the bytes eBay sent; Body above is those bytes (compact
        // JSON, key order as received, as its signed_bytes_note says), so the file's headers are checked over Body.
        var body = Body;

        var valid = Verifier.Verify(Request(body, root.GetProperty("x-ebay-signature_header").GetString()));
        var mismatch = Verifier.Verify(Request(body, root.GetProperty("negative_case_SIGNATURE_MISMATCH_header").GetString()));

        Assert.Equal("VALID", root.GetProperty("expected").GetString());
        Assert.True(valid.SignatureValid, valid.Error);
        Assert.Equal(new EraseBuyerDataAction("test_user"), Assert.Single(valid.Actions));
        Assert.False(mismatch.SignatureValid);
    }

    [Fact]
    public void Verify_OfficialMismatchVector_IsRejected()
    {
        var result = Verifier.Verify(Request(Body, MismatchHeader));

        Assert.False(result.SignatureValid);
        Assert.Empty(result.Actions);
    }

    [Fact]
    public void Verify_BodyChangedByOneByte_IsRejected()
    {
        var result = Verifier.Verify(Request(Body.Replace("test_user", "test_usex", StringComparison.Ordinal), ValidHeader));

        Assert.False(result.SignatureValid);
    }

    [Fact]
    public void Verify_MissingOrGarbledHeader_IsRejected()
    {
        Assert.False(Verifier.Verify(Request(Body, null)).SignatureValid);
        Assert.False(Verifier.Verify(Request(Body, "not base64!")).SignatureValid);
        var wrongAlg = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"alg\":\"rsa\",\"kid\":\"k\",\"signature\":\"AA==\",\"digest\":\"SHA256\"}"));
        Assert.False(Verifier.Verify(Request(Body, wrongAlg)).SignatureValid);
    }
}
