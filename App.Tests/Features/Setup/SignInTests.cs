using System.Net;
using SellerPortal.Data;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Setup;

public sealed class SignInTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public SignInTests(PortalAppFactory factory) => this.factory = factory;

    [Theory]
    [InlineData("/")]
    [InlineData("/products")]
    [InlineData("/orders")]
    [InlineData("/channels")]
    [InlineData("/admin/users")]
    public async Task AnonymousRequest_ToAnyPage_RedirectsToSignIn(string path)
    {
        await PortalClient.EnsureUserAsync(factory, PortalClient.AdminEmail, Roles.Admin);
        var client = PortalClient.Anonymous(factory);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task StaffUser_GetsForbidden_OnAdminPages()
    {
        var staff = await PortalClient.SignedInAsync(factory, "staff@example.com", Roles.Staff);

        var response = await staff.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Access denied", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminUser_OpensAdminPages()
    {
        var admin = await PortalClient.SignedInAsync(factory, PortalClient.AdminEmail, Roles.Admin);

        var response = await admin.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FiveFailedSignIns_LockTheAccount_EvenForTheRightPassword()
    {
        const string email = "lockme@example.com";
        await PortalClient.EnsureUserAsync(factory, email, Roles.Staff);
        var client = PortalClient.Anonymous(factory);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await HtmlForms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "Wrong-Password-1",
            });
        }

        var withRightPassword = await HtmlForms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = PortalClient.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, withRightPassword.StatusCode);
        Assert.Equal("/Account/Lockout", withRightPassword.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task WrongPassword_ShowsAClearMessage_AndDoesNotSignIn()
    {
        await PortalClient.EnsureUserAsync(factory, "clerk@example.com", Roles.Staff);
        var client = PortalClient.Anonymous(factory);

        var response = await HtmlForms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "clerk@example.com",
            ["Input.Password"] = "Not-The-Password-1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That email and password do not match an account.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAnAntiforgeryToken_IsRefused()
    {
        var admin = await PortalClient.SignedInAsync(factory, PortalClient.AdminEmail, Roles.Admin);

        var response = await admin.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/")).StatusCode);
    }
}
