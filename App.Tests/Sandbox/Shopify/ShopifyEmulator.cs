using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;
using SellerPortal.Sandbox.Shopify;
using SellerPortal.Tests.Features.Listings;

namespace SellerPortal.Tests.Sandbox.Shopify;

/// <summary>
/// The Shopify emulator over real HTTP as a Shopify app would use it, with no client of ours in between: the consent
/// page and code exchange at the shop's <c>/admin/oauth/*</c>, then GraphQL at <c>/admin/api/2026-10/graphql.json</c>
/// with <c>X-Shopify-Access-Token</c>. Raw requests, so each test states what goes on the wire.
/// </summary>
internal sealed class ShopifyEmulator : IAsyncDisposable
{
    public const string Shop = "maker-test.myshopify.com";

    public const string Scope = "read_products,write_products,read_inventory,write_inventory,read_orders,write_orders";

    private ShopifyEmulator(EmulatorPortal portal)
    {
        Portal = portal;
        Http = portal.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        App = portal.Services.GetRequiredService<IOptions<ShopifySandboxOptions>>().Value;
        RedirectUri = ShopifySandboxAuth.RedirectUri(App, portal.Services.GetRequiredService<IOptions<SandboxOptions>>().Value);
    }

    public EmulatorPortal Portal { get; }

    public HttpClient Http { get; }

    public ShopifySandboxOptions App { get; }

    public string RedirectUri { get; }

    /// <param name="rateLimits">The cost bucket on: the portal's test host turns every emulator's limits off.</param>
    public static ShopifyEmulator Start(TimeProvider? time = null, IDictionary<string, string?>? settings = null, bool rateLimits = false)
    {
        var portal = EmulatorPortal.Start(settings: settings, configureServices: time is null ? null : services => services.AddSingleton(time));
        if (rateLimits)
        {
            portal.Services.GetRequiredService<SandboxFaults>().Set(ShopifySandboxServiceCollectionExtensions.Channel, new FaultSettings { RateLimitsEnabled = true });
        }

        return new(portal);
    }

    public static string Base(string shop = Shop) => $"/sandbox/shopify/shops/{shop}";

    public string ConsentUrl(string shop = Shop, string scope = Scope, string state = "nonce-1", string? redirectUri = null, string? clientId = null) =>
        QueryHelpers.AddQueryString(Base(shop) + "/admin/oauth/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId ?? App.ClientId, ["scope"] = scope, ["redirect_uri"] = redirectUri ?? RedirectUri, ["state"] = state,
        });

    /// <summary>Approves the consent page (as <paramref name="owner"/> when given) and returns the redirect's query.</summary>
    public async Task<Dictionary<string, string>> ApproveAsync(string shop = Shop, string? owner = null, string state = "nonce-1")
    {
        var url = ConsentUrl(shop, state: state);
        var page = await Http.GetStringAsync(url);
        Assert.Contains("data-testid=\"consent-approve\"", page);
        var form = QueryHelpers.ParseQuery(new Uri("http://x" + url).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form["decision"] = "approve";
        form["shop"] = owner ?? shop;
        using var decided = await Http.PostAsync(Base(shop) + "/admin/oauth/authorize", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var location = decided.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.ToString(), StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public Task<HttpResponseMessage> TokenAsync(IDictionary<string, string> form, string shop = Shop) =>
        Http.PostAsync(Base(shop) + "/admin/oauth/access_token", new FormUrlEncodedContent(form));

    public Dictionary<string, string> Exchange(string code, bool expiring = false)
    {
        var form = new Dictionary<string, string> { ["client_id"] = App.ClientId, ["client_secret"] = App.ClientSecret, ["code"] = code };
        if (expiring)
        {
            form["expiring"] = "1";
        }

        return form;
    }

    /// <summary>A shop connected with a non-expiring offline token.</summary>
    public async Task<string> ConnectAsync(string shop = Shop)
    {
        var code = (await ApproveAsync(shop))["code"];
        using var response = await TokenAsync(Exchange(code), shop);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, token.ToString());
        return token.GetProperty("access_token").GetString()!;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GraphQLAsync(string? token, string query, object? variables = null,
        string shop = Shop, string version = "2026-10")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Base(shop)}/admin/api/{version}/graphql.json")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Add("X-Shopify-Access-Token", token);
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>A product with one option and the given SKUs as its variants, at the shop's location with the quantity given.</summary>
    public async Task<JsonElement> CreateProductAsync(string token, string title, string[] skus, int quantity = 5)
    {
        var location = (await GraphQLAsync(token, "{ locations(first: 1) { nodes { id } } }")).Body
            .GetProperty("data").GetProperty("locations").GetProperty("nodes")[0].GetProperty("id").GetString();
        var (_, body) = await GraphQLAsync(token, """
            mutation($input: ProductSetInput!) { productSet(input: $input) {
              product { id title variants(first: 10) { nodes { id sku price inventoryItem { id } } } }
              userErrors { field message code } } }
            """, new
        {
            input = new
            {
                title,
                productOptions = new[] { new { name = "Size", values = skus.Select(s => new { name = s }).ToArray() } },
                variants = skus.Select(s => new
                {
                    sku = s, price = "19.99", optionValues = new[] { new { optionName = "Size", name = s } },
                    inventoryQuantities = new[] { new { locationId = location, name = "available", quantity } },
                }).ToArray(),
            },
        });
        var payload = body.GetProperty("data").GetProperty("productSet");
        Assert.Equal(0, payload.GetProperty("userErrors").GetArrayLength());
        return payload.GetProperty("product");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Portal.DisposeAsync();
    }
}
