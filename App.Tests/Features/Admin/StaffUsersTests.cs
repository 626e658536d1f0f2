using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Features.Admin.Users;
using SellerPortal.Features.Preferences;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

public sealed class StaffUsersTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public StaffUsersTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task AdminAddsAStaffUser_WhoCanSignIn_AndTheChangeIsAudited()
    {
        await PortalClient.EnsureUserAsync(factory, PortalClient.AdminEmail, Roles.Admin);
        var users = factory.Services.GetRequiredService<StaffUsers>();
        var actor = new Actor("admin-id", PortalClient.AdminEmail, IsAdmin: true);

        var result = await users.CreateAsync(new NewStaffUser("packer@example.com", "Packer", PortalClient.Password, Roles.Staff), actor, CancellationToken.None);

        Assert.True(result.Succeeded);
        var row = Assert.Single(await users.ListAsync(CancellationToken.None), u => u.Email == "packer@example.com");
        Assert.Equal(Roles.Staff, row.Role);
        var signIn = await HtmlForms.SubmitAsync(PortalClient.Anonymous(factory), "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = "packer@example.com",
            ["Input.Password"] = PortalClient.Password,
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        await using var db = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "user.created" && a.Subject == "packer@example.com" && a.UserName == PortalClient.AdminEmail));
    }

    [Fact]
    public async Task AWeakPassword_IsRefusedWithIdentitysReason_AndNoUserIsCreated()
    {
        var users = factory.Services.GetRequiredService<StaffUsers>();

        var result = await users.CreateAsync(new NewStaffUser("weak@example.com", "Weak", "short", Roles.Staff), new Actor(null, null, IsAdmin: true), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description.Contains("at least 10", StringComparison.Ordinal));
        Assert.DoesNotContain(await users.ListAsync(CancellationToken.None), u => u.Email == "weak@example.com");
    }

    [Fact]
    public async Task AnAdmin_CannotRemoveTheirOwnAdminRole()
    {
        await PortalClient.EnsureUserAsync(factory, "self@example.com", Roles.Admin);
        var users = factory.Services.GetRequiredService<StaffUsers>();
        var self = (await users.ListAsync(CancellationToken.None)).Single(u => u.Email == "self@example.com");

        var result = await users.SetRoleAsync(self.Id, Roles.Staff, new Actor(self.Id, self.Email, IsAdmin: true), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(Roles.Admin, (await users.ListAsync(CancellationToken.None)).Single(u => u.Id == self.Id).Role);
    }

    [Fact]
    public async Task DarkMode_IsRememberedPerUser()
    {
        await PortalClient.EnsureUserAsync(factory, "night@example.com", Roles.Staff);
        await PortalClient.EnsureUserAsync(factory, "day@example.com", Roles.Staff);
        var list = await factory.Services.GetRequiredService<StaffUsers>().ListAsync(CancellationToken.None);
        var night = list.Single(u => u.Email == "night@example.com").Id;
        var day = list.Single(u => u.Email == "day@example.com").Id;
        var preferences = factory.Services.GetRequiredService<UserPreferences>();

        await preferences.SetDarkModeAsync(night, true, CancellationToken.None);

        Assert.True(await preferences.GetDarkModeAsync(night, CancellationToken.None));
        Assert.False(await preferences.GetDarkModeAsync(day, CancellationToken.None));
    }
}
