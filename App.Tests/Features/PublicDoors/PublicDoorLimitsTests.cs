using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.PublicDoors;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.PublicDoors;

public sealed class PublicDoorLimitsTests
{
    private static PortalAppFactory Portal(string key, int perMinute) => PortalAppFactory.With(null, new Dictionary<string, string?>
    {
        [$"PublicDoors:{key}"] = perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    [Fact]
    public async Task SignIn_PastTheLimitPerAddress_Gets429WithAReason_WhileAnotherAddressStillSignsIn()
    {
        using var portal = Portal("SignInPerAddressPerMinute", 3);
        _ = portal.Server;

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await PostLogin(portal, "198.51.100.4")).Response.StatusCode);
        }

        var refused = await PostLogin(portal, "198.51.100.4");
        // The first three reach the form (refused there for the missing antiforgery token: 400); the fourth never does.
        Assert.Equal([400, 400, 400, 429], statuses);
        Assert.Equal(429, refused.Response.StatusCode);
        Assert.Equal("60", refused.Response.Headers.RetryAfter.ToString());
        Assert.Equal(400, (await PostLogin(portal, "198.51.100.5")).Response.StatusCode);
    }

    [Fact]
    public async Task SignIn_PastTheLimitPerAccountName_IsRefusedFromAnyAddress_AndAudited()
    {
        using var portal = Portal("SignInPerAccountPerMinute", 2);
        await PortalClient.EnsureUserAsync(portal, "sprayed@example.com", Roles.Staff);
        var client = PortalClient.Anonymous(portal);

        for (var i = 0; i < 2; i++)
        {
            await HtmlForms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = "sprayed@example.com", ["Input.Password"] = "Wrong-Password-1",
            });
        }

        var third = await HtmlForms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "SPRAYED@example.com", ["Input.Password"] = PortalClient.Password,
        });

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Contains("Too many sign-in attempts for this account.", await third.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        await using var db = portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContext();
        var actions = await db.AuditEntries.Where(a => a.Action.StartsWith("signin.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["signin.failed", "signin.failed", "signin.throttled"], actions);
    }

    [Fact]
    public async Task SignIn_Succeeded_IsAudited()
    {
        using var portal = new PortalAppFactory();
        await PortalClient.SignedInAsync(portal, "audited@example.com", Roles.Staff);

        await using var db = portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "signin.succeeded");
        Assert.Equal("audited@example.com", entry.UserName);
    }

    [Fact]
    public void Door_KeysWebhooksByChannelAndAddress_AndLeavesPagesUnlimited()
    {
        var limits = new PublicDoorOptions { WebhooksPerChannelAndAddressPerMinute = 7 };

        Assert.Equal(("webhook:tiktokshop:10.1.2.3", 7), PublicDoorLimits.Door(Request("POST", "/webhooks/TikTokShop", "10.1.2.3"), limits));
        Assert.Equal(("webhook:ebay:10.1.2.3", 7), PublicDoorLimits.Door(Request("GET", "/webhooks/Ebay", "10.1.2.3"), limits));
        Assert.Equal(("setup:10.1.2.3", 10), PublicDoorLimits.Door(Request("POST", "/setup", "10.1.2.3"), limits));
        Assert.Equal(("signin:10.1.2.3", 30), PublicDoorLimits.Door(Request("POST", "/Account/Login", "10.1.2.3"), limits));
        Assert.Null(PublicDoorLimits.Door(Request("GET", "/Account/Login", "10.1.2.3"), limits));
        Assert.Null(PublicDoorLimits.Door(Request("POST", "/products", "10.1.2.3"), limits));
    }

    [Fact]
    public async Task Webhooks_PastTheLimit_Get429_BeforeAnythingIsRead()
    {
        using var portal = Portal("WebhooksPerChannelAndAddressPerMinute", 2);
        _ = portal.Server;

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var context = await portal.Server.SendAsync(http =>
            {
                http.Request.Method = HttpMethods.Post;
                http.Request.Path = "/webhooks/TikTokShop";
                http.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.9");
            });
            statuses.Add(context.Response.StatusCode);
        }

        Assert.NotEqual(429, statuses[0]);
        Assert.NotEqual(429, statuses[1]);
        Assert.Equal(429, statuses[2]);
    }

    private static DefaultHttpContext Request(string method, string path, string address)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return http;
    }

    private static Task<HttpContext> PostLogin(PortalAppFactory portal, string address) =>
        portal.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/Account/Login";
            http.Request.ContentType = "application/x-www-form-urlencoded";
            http.Request.Body = new MemoryStream("Input.Email=a%40example.com&Input.Password=x"u8.ToArray());
            http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        });
}
