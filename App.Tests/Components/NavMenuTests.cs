using Bunit;
using SellerPortal.Components.Layout;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Components;

public sealed class NavMenuTests : MudTestContext
{
    [Fact]
    public void Admin_SeesTheAdminGroup()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@example.com");
        auth.SetRoles("Admin");

        var menu = Render<NavMenu>();

        Assert.NotEmpty(menu.FindAll("[data-testid=nav-admin]"));
        Assert.Contains("Users", menu.Markup);
    }

    [Fact]
    public void Staff_DoesNotSeeTheAdminGroup()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("staff@example.com");
        auth.SetRoles("Staff");

        var menu = Render<NavMenu>();

        Assert.Empty(menu.FindAll("[data-testid=nav-admin]"));
        Assert.Contains("Products", menu.Markup);
    }
}
