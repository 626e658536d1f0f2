using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using SellerPortal.Sandbox.Etsy;
using SellerPortal.Tests.Features.Listings;

namespace SellerPortal.Tests.Sandbox.Etsy;

/// <summary>
/// The Etsy emulator over real HTTP as an Etsy app would use it, with no client of ours in between: the consent page
/// and PKCE code exchange, then calls with <c>x-api-key</c> and the bearer token. Raw requests, so each test states
/// exactly what goes on the wire.
/// </summary>
internal sealed class EtsyEmulator : IAsyncDisposable
{
    /// <summary>RFC 7636 Appendix B's verifier: 43 characters, as Etsy takes (43 to 128).</summary>
    public const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    public const string AllScopes = "listings_r listings_w listings_d transactions_r transactions_w shops_r";

    private readonly bool ownsPortal;

    private EtsyEmulator(EmulatorPortal portal, bool ownsPortal = true)
    {
        this.ownsPortal = ownsPortal;
        Portal = portal;
        Http = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        App = portal.Services.GetRequiredService<IOptions<EtsySandboxOptions>>().Value;
        RedirectUri = EtsySandboxAuth.RedirectUri(App, portal.Services.GetRequiredService<IOptions<SandboxOptions>>().Value);
    }

    public EmulatorPortal Portal { get; }

    /// <summary>Raw access to the emulator of a portal a test already runs (the portal stays the test's).</summary>
    public static EtsyEmulator On(EmulatorPortal portal) => new(portal, ownsPortal: false);

    public HttpClient Http { get; }

    public EtsySandboxOptions App { get; }

    public string RedirectUri { get; }

    public string ApiKey => $"{App.Keystring}:{App.SharedSecret}";

    /// <summary>A portal with its emulators; with <paramref name="time"/>, on that clock (a frozen one for the limits' second).</summary>
    public static EtsyEmulator Start(TimeProvider? time = null) =>
        new(EmulatorPortal.Start(configureServices: time is null ? null : services => services.AddSingleton(time)));

    public string ConsentUrl(string scope = AllScopes, string state = "st-1", string? challenge = null, string method = "S256", string? redirectUri = null) =>
        QueryHelpers.AddQueryString("/sandbox/etsy/oauth/connect", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = App.Keystring, ["redirect_uri"] = redirectUri ?? RedirectUri, ["scope"] = scope,
            ["state"] = state, ["code_challenge"] = challenge ?? EtsySandboxAuth.Challenge(Verifier), ["code_challenge_method"] = method,
        });

    /// <summary>Approves the consent page as <paramref name="seller"/> and returns the redirect's query (code and state).</summary>
    public async Task<Dictionary<string, string>> ApproveAsync(string? seller = null, string scope = AllScopes)
    {
        var url = ConsentUrl(scope);
        var page = await Http.GetStringAsync(url);
        Assert.Contains("data-testid=\"consent-approve\"", page);
        var form = QueryHelpers.ParseQuery(new Uri("http://x" + url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form["decision"] = "approve";
        form["seller"] = seller ?? App.Seller;
        using var decided = await Http.PostAsync("/sandbox/etsy/oauth/connect", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var location = decided.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.ToString(), StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public Task<HttpResponseMessage> TokenAsync(IDictionary<string, string> form) =>
        Http.PostAsync("/sandbox/etsy/v3/public/oauth/token", new FormUrlEncodedContent(form));

    /// <summary>A seller connected: the access token, the refresh token, and the shop id read from the seller record.</summary>
    public async Task<(string Access, string Refresh, long ShopId)> ConnectAsync(string? seller = null, string scope = AllScopes)
    {
        var code = (await ApproveAsync(seller, scope))["code"];
        using var response = await TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = App.Keystring, ["redirect_uri"] = RedirectUri, ["code"] = code, ["code_verifier"] = Verifier,
        });
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, token.ToString());
        var store = Portal.Services.GetRequiredService<SandboxStore>();
        var record = await store.GetAsync<EtsySandboxSeller>(EtsySandboxCollections.Channel, EtsySandboxCollections.Sellers, seller ?? App.Seller);
        return (token.GetProperty("access_token").GetString()!, token.GetProperty("refresh_token").GetString()!, record!.ShopId);
    }

    /// <summary>An Open API call with the key and, when given, the bearer token.</summary>
    public Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, string? access, HttpContent? content = null, string? apiKey = null)
    {
        var request = new HttpRequestMessage(method, "/sandbox/etsy" + path) { Content = content };
        request.Headers.TryAddWithoutValidation("x-api-key", apiKey ?? ApiKey);
        if (access is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + access);
        }

        return Http.SendAsync(request);
    }

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>A draft listing with every field createDraftListing requires, and the emulated shop's shipping profile and return policy.</summary>
    /// <remarks>With <paramref name="withImage"/> it gets a picture too, so it may go active.</remarks>
    public async Task<JsonElement> CreateListingAsync(string access, long shopId, string title = "Blue mug", string quantity = "5", string price = "19.99", bool withImage = true)
    {
        using var response = await CallAsync(HttpMethod.Post, $"/v3/application/shops/{shopId}/listings", access, Form(
            ("quantity", quantity), ("title", title), ("description", "A mug"), ("price", price), ("who_made", "i_did"),
            ("when_made", "made_to_order"), ("taxonomy_id", "1633"), ("shipping_profile_id", EtsySandboxListings.ShippingProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("return_policy_id", EtsySandboxShopPolicies.ReturnPolicyId.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        if (withImage)
        {
            using var image = await UploadImageAsync(access, shopId, body.GetProperty("listing_id").GetInt64(), SandboxMerchantImages.Png(40, 30, (200, 80, 20)));
            Assert.Equal(HttpStatusCode.Created, image.StatusCode);
        }

        return body;
    }

    /// <summary>uploadListingImage: multipart/form-data with the file in <c>image</c>.</summary>
    public Task<HttpResponseMessage> UploadImageAsync(string access, long shopId, long listingId, byte[] file, string? rank = null, string fileName = "mug.png")
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(file), "image", fileName } };
        if (rank is not null)
        {
            form.Add(new StringContent(rank), "rank");
        }

        return CallAsync(HttpMethod.Post, $"/v3/application/shops/{shopId}/listings/{listingId}/images", access, form);
    }

    public static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([ "error" ], body.EnumerateObject().Select(p => p.Name));
        return body.GetProperty("error").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (ownsPortal)
        {
            await Portal.DisposeAsync();
        }
    }
}
