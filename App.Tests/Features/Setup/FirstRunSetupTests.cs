using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Setup;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Setup;

public sealed class FirstRunSetupTests : IDisposable
{
    private readonly PortalAppFactory factory = new();

    [Fact]
    public async Task BeforeAnyUserExists_EveryPageLeadsToSetup()
    {
        var client = PortalClient.Anonymous(factory);

        var response = await client.GetAsync("/products");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/setup", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Setup_CreatesTheFirstAdminOnce_AndRefusesASecondTime()
    {
        // A second tab opened the setup form before the first admin existed.
        var staleTab = PortalClient.Anonymous(factory);
        var staleForm = await HtmlForms.ReadHiddenFieldsAsync(staleTab, "/setup");

        var first = PortalClient.Anonymous(factory);
        var created = await HtmlForms.SubmitAsync(first, "/setup", SetupForm("owner@example.com"));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/", created.Headers.Location?.AbsolutePath);
        Assert.True(await IsAdminAsync("owner@example.com"));

        // The setup page is gone for everyone afterwards...
        var page = await PortalClient.Anonymous(factory).GetAsync("/setup");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("Account/Login", page.Headers.Location?.OriginalString);

        // ...and the stale form creates nobody.
        var replay = await HtmlForms.PostAsync(staleTab, "/setup", staleForm, SetupForm("intruder@example.com"));
        Assert.Contains("Setup is already complete", await replay.Content.ReadAsStringAsync());
        Assert.Equal(1, await UserCountAsync());
        Assert.False(await IsAdminAsync("intruder@example.com"));
    }

    [Fact]
    public async Task Setup_FromAnotherComputer_WithoutTheLoggedCode_IsRefusedAndCreatesNothing()
    {
        var client = PortalClient.Anonymous(factory);
        var page = await client.GetStringAsync("/setup");
        var form = SetupForm("stranger@example.com");
        form["Input.SetupCode"] = "AAAA-BBBB-CCCC";

        var response = await HtmlForms.SubmitAsync(client, "/setup", form);

        Assert.Contains("data-testid=\"setup-code\"", page);
        Assert.Contains("That setup code is not right.", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await UserCountAsync());
    }

    [Fact]
    public void TheSetupCode_IsThreeGroupsOfFour_AndMatchesTypedLoosely_ButNotAnotherCode()
    {
        var code = new SetupCode();

        Assert.Matches("^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$", code.Value);
        Assert.True(code.Matches(" " + code.Value.ToLowerInvariant() + " "));
        Assert.False(code.Matches(new SetupCode().Value));
        Assert.False(code.Matches(null));
    }

    [Fact]
    public async Task Setup_WithMismatchedPasswords_ShowsTheReasonAndCreatesNothing()
    {
        var client = PortalClient.Anonymous(factory);
        var form = SetupForm("owner@example.com");
        form["Input.ConfirmPassword"] = "Something-Else-99";

        var response = await HtmlForms.SubmitAsync(client, "/setup", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The passwords do not match.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await UserCountAsync());
    }

    [Fact]
    public async Task Setup_WithAWeakPassword_ShowsIdentitysReasonAndCreatesNothing()
    {
        var client = PortalClient.Anonymous(factory);
        var form = SetupForm("owner@example.com");
        form["Input.Password"] = form["Input.ConfirmPassword"] = "alllowercase";

        var response = await HtmlForms.SubmitAsync(client, "/setup", form);

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status-alert\"", html);
        Assert.Equal(0, await UserCountAsync());
    }

    /// <summary>The test host's browser is not on the server (it has no loopback address): it gives the logged code.</summary>
    private Dictionary<string, string> SetupForm(string email) => new()
    {
        ["Input.DisplayName"] = "Owner",
        ["Input.Email"] = email,
        ["Input.Password"] = PortalClient.Password,
        ["Input.ConfirmPassword"] = PortalClient.Password,
        ["Input.SetupCode"] = factory.Services.GetRequiredService<SetupCode>().Value.ToLowerInvariant(),
    };

    private async Task<bool> IsAdminAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.IsInRoleAsync(user, Roles.Admin);
    }

    private async Task<int> UserCountAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().Users.Count();
    }

    public void Dispose() => factory.Dispose();
}
