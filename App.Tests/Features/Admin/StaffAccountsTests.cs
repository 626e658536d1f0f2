using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;
using SellerPortal.Components.Account;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Admin.Users;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

/// <summary>
/// Issue 11 item 16 over real HTTP: an Admin disables, enables and deletes staff and sets temporary passwords; users
/// change their own password and sign in with an authenticator app, which an Admin can require of Admins.
/// </summary>
public sealed partial class StaffAccountsTests : IAsyncLifetime
{
    private const string NewPassword = "Brand-New-Secret-77";
    private readonly PortalAppFactory factory = new();
    private Actor admin = new(null, null);

    public async Task InitializeAsync()
    {
        await PortalClient.EnsureUserAsync(factory, PortalClient.AdminEmail, Roles.Admin);
        admin = new Actor(await IdOfAsync(PortalClient.AdminEmail), PortalClient.AdminEmail, IsAdmin: true);
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private StaffUsers Users => factory.Services.GetRequiredService<StaffUsers>();

    private async Task<string> IdOfAsync(string email)
    {
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return (await db.Users.SingleAsync(u => u.Email == email)).Id;
    }

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        await HtmlForms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static string? Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString;

    [Fact]
    public async Task ADisabledUser_IsSignedOutAtTheNextRequest_CannotSignIn_AndCanAgainOnceEnabled()
    {
        var packer = await PortalClient.SignedInAsync(factory, "packer1@example.com", Roles.Staff);
        var id = await IdOfAsync("packer1@example.com");
        Assert.Equal(HttpStatusCode.OK, (await packer.GetAsync("/orders")).StatusCode);

        var disabled = await Users.SetDisabledAsync(id, true, admin, CancellationToken.None);
        var afterDisable = await packer.GetAsync("/orders");
        var again = await (await SignInAsync(PortalClient.Anonymous(factory), "packer1@example.com", PortalClient.Password)).Content.ReadAsStringAsync();
        await Users.SetDisabledAsync(id, false, admin, CancellationToken.None);
        var afterEnable = await SignInAsync(PortalClient.Anonymous(factory), "packer1@example.com", PortalClient.Password);

        Assert.True(disabled.Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, afterDisable.StatusCode);
        Assert.StartsWith("http://localhost/Account/Login", Location(afterDisable));
        Assert.Contains("This account is disabled. Ask an Admin to enable it.", again);
        Assert.Equal(HttpStatusCode.Redirect, afterEnable.StatusCode);
        Assert.True((await Users.ListAsync(CancellationToken.None)).Single(u => u.Id == id) is { Disabled: false });
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        Assert.Equal(["user.disabled", "user.enabled"], await db.AuditEntries.Where(a => a.Subject == "packer1@example.com" && a.Action.StartsWith("user.")).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Subject == "packer1@example.com" && a.Action == "signin.disabled"));
    }

    [Fact]
    public async Task AnAdmin_CannotDisableOrDeleteThemselves_NorTheLastEnabledAdmin_AndStaffCannotAtAll()
    {
        await PortalClient.EnsureUserAsync(factory, "other-admin@example.com", Roles.Admin);
        var other = await IdOfAsync("other-admin@example.com");

        var self = await Users.SetDisabledAsync(admin.UserId!, true, admin, CancellationToken.None);
        var selfDelete = await Users.DeleteAsync(admin.UserId!, admin, CancellationToken.None);
        var otherAdmin = new Actor(other, "other-admin@example.com", IsAdmin: true);
        Assert.True((await Users.SetDisabledAsync(admin.UserId!, true, otherAdmin, CancellationToken.None)).Succeeded);
        var last = await Users.DeleteAsync(other, new Actor("someone", "x", IsAdmin: true), CancellationToken.None);
        var staff = await Assert.ThrowsAsync<AdminRequiredException>(() => Users.DeleteAsync(other, admin with { IsAdmin = false }, CancellationToken.None));

        Assert.Equal("You cannot disable your own account.", Assert.Single(self.Errors).Description);
        Assert.Equal("You cannot delete your own account.", Assert.Single(selfDelete.Errors).Description);
        Assert.Equal("This is the only enabled Admin: make another user Admin first.", Assert.Single(last.Errors).Description);
        Assert.Equal("Only an Admin can delete a user.", staff.Message);
        Assert.Contains(await Users.ListAsync(CancellationToken.None), u => u.Id == other);
    }

    [Fact]
    public async Task ADeletedUser_IsGone_AndTheirSessionEnds()
    {
        var temp = await PortalClient.SignedInAsync(factory, "temp@example.com", Roles.Staff);
        var id = await IdOfAsync("temp@example.com");

        var deleted = await Users.DeleteAsync(id, admin, CancellationToken.None);
        var next = await temp.GetAsync("/orders");

        Assert.True(deleted.Succeeded);
        Assert.DoesNotContain(await Users.ListAsync(CancellationToken.None), u => u.Email == "temp@example.com");
        Assert.StartsWith("http://localhost/Account/Login", Location(next));
    }

    [Fact]
    public async Task ATemporaryPassword_ReplacesTheOld_AndMustBeChangedBeforeAnythingElse()
    {
        var before = await PortalClient.SignedInAsync(factory, "picker@example.com", Roles.Staff);
        var id = await IdOfAsync("picker@example.com");

        var weak = await Users.SetTemporaryPasswordAsync(id, "short", admin, CancellationToken.None);
        var stillOld = await SignInAsync(PortalClient.Anonymous(factory), "picker@example.com", PortalClient.Password);
        var set = await Users.SetTemporaryPasswordAsync(id, "Temporary-Pass-11", admin, CancellationToken.None);
        var oldSession = await before.GetAsync("/orders");
        var oldPassword = await SignInAsync(PortalClient.Anonymous(factory), "picker@example.com", PortalClient.Password);
        var client = PortalClient.Anonymous(factory);
        await SignInAsync(client, "picker@example.com", "Temporary-Pass-11");
        var page = await client.GetAsync("/orders");
        var post = await client.PostAsync("/channels/connect/Ebay", null);
        var mismatch = await (await HtmlForms.SubmitAsync(client, StaffAccountGate.ChangePasswordPath, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Temporary-Pass-11", ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = "Something-Else-1",
        })).Content.ReadAsStringAsync();
        var changed = await HtmlForms.SubmitAsync(client, StaffAccountGate.ChangePasswordPath, new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "Temporary-Pass-11", ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
        });
        var afterChange = await client.GetAsync("/orders");

        Assert.False(weak.Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, stillOld.StatusCode); // the weak one changed nothing
        Assert.True(set.Succeeded);
        Assert.StartsWith("http://localhost/Account/Login", Location(oldSession));
        Assert.Equal(HttpStatusCode.OK, oldPassword.StatusCode); // the form again, with its error
        Assert.Equal("/Account/ChangePassword", Location(page));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("The two new passwords do not match.", mismatch);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterChange.StatusCode);
        Assert.True((await Users.ListAsync(CancellationToken.None)).Single(u => u.Id == id) is { MustChangePassword: false });
    }

    [Fact]
    public async Task AUserAddedByAnAdmin_ChoosesTheirOwnPasswordAtTheFirstSignIn()
    {
        await Users.CreateAsync(new NewStaffUser("new-hire@example.com", "New hire", "Given-By-Admin-1", Roles.Staff), admin, CancellationToken.None);
        var client = PortalClient.Anonymous(factory);

        await SignInAsync(client, "new-hire@example.com", "Given-By-Admin-1");
        var first = await client.GetAsync("/");

        Assert.Equal("/Account/ChangePassword", Location(first));
        Assert.Contains("An Admin set your password. Choose your own to go on.", await client.GetStringAsync(StaffAccountGate.ChangePasswordPath));
    }

    [Fact]
    public async Task TwoFactor_SetUpWithTheKeyShown_ThenSignInAsksForTheCode_AndARecoveryCodeWorksOnce()
    {
        var client = await PortalClient.SignedInAsync(factory, "careful@example.com", Roles.Staff);
        var page = await client.GetStringAsync(StaffAccountGate.TwoFactorPath);
        var key = KeyShown().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var totp = new Totp(Base32Encoding.ToBytes(key));

        var wrong = await (await HtmlForms.SubmitAsync(client, StaffAccountGate.TwoFactorPath, new Dictionary<string, string> { ["Enable.Code"] = ((int.Parse(totp.ComputeTotp(), System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) })).Content.ReadAsStringAsync();
        var enabled = await (await HtmlForms.SubmitAsync(client, StaffAccountGate.TwoFactorPath, new Dictionary<string, string> { ["Enable.Code"] = totp.ComputeTotp() })).Content.ReadAsStringAsync();
        var recovery = RecoveryCode().Matches(enabled).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("<svg", page);
        Assert.Contains("That code is not right.", wrong);
        Assert.Contains("Two-factor sign-in is on.", enabled);
        Assert.Equal(10, recovery.Count);

        var browser = PortalClient.Anonymous(factory);
        var password = await SignInAsync(browser, "careful@example.com", PortalClient.Password);
        var beforeCode = await browser.GetAsync("/orders");
        var withCode = await HtmlForms.SubmitAsync(browser, "/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = totp.ComputeTotp() });
        var afterCode = await browser.GetAsync("/orders");

        Assert.Contains("/Account/LoginWith2fa?", Location(password));
        Assert.StartsWith("http://localhost/Account/Login", Location(beforeCode));
        Assert.Equal(HttpStatusCode.Redirect, withCode.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterCode.StatusCode);

        var lostPhone = PortalClient.Anonymous(factory);
        await SignInAsync(lostPhone, "careful@example.com", PortalClient.Password);
        var once = await HtmlForms.SubmitAsync(lostPhone, "/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = recovery[0] });
        var twice = PortalClient.Anonymous(factory);
        await SignInAsync(twice, "careful@example.com", PortalClient.Password);
        var reused = await (await HtmlForms.SubmitAsync(twice, "/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = recovery[0] })).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, once.StatusCode);
        Assert.Contains("That code is not right.", reused);
    }

    [Fact]
    public async Task WhenAdminsMustUseTwoFactor_AnAdminWithoutIt_IsLedToSetItUp_AndStaffAreNot()
    {
        var adminClient = await PortalClient.SignedInAsync(factory, PortalClient.AdminEmail, Roles.Admin);
        var staffClient = await PortalClient.SignedInAsync(factory, "floor@example.com", Roles.Staff);
        var policy = factory.Services.GetRequiredService<StaffSecurityPolicy>();

        var before = await adminClient.GetAsync("/admin/users");
        await policy.SetRequireTwoFactorForAdminsAsync(true, admin, CancellationToken.None);
        var after = await adminClient.GetAsync("/admin/users");
        var staff = await staffClient.GetAsync("/orders");
        var setupPage = await adminClient.GetStringAsync(StaffAccountGate.TwoFactorPath);
        var refused = await Assert.ThrowsAsync<AdminRequiredException>(() => policy.SetRequireTwoFactorForAdminsAsync(false, admin with { IsAdmin = false }, CancellationToken.None));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal("/Account/TwoFactor", Location(after));
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
        Assert.Contains("Admins must use two-factor sign-in. Set it up to go on.", setupPage);
        Assert.Equal("Only an Admin can change the sign-in rules.", refused.Message);
        Assert.True(await policy.RequiresTwoFactorForAdminsAsync(CancellationToken.None));
    }

    [GeneratedRegex("data-testid=\"two-factor-key\">([a-z0-9 ]+)<")]
    private static partial Regex KeyShown();

    [GeneratedRegex("<li>([A-Z0-9-]{8,})</li>")]
    private static partial Regex RecoveryCode();
}
