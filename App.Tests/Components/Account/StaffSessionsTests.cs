using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SellerPortal.Components.Account;

namespace SellerPortal.Tests.Components.Account;

/// <summary>An open tab of a user an Admin disables or deletes signs out at once, and only that user's tabs.</summary>
public sealed class StaffSessionsTests
{
    private static AuthenticationState SignedIn(string userId) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, userId)], "Identity.Application")));

    [Fact]
    public async Task EndingAUsersSessions_SignsOutTheirOpenCircuits_AndNoOneElses()
    {
        var sessions = new StaffSessions();
        var scopes = new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();
        using var packer = new IdentityRevalidatingAuthenticationStateProvider(NullLoggerFactory.Instance, scopes, Options.Create(new IdentityOptions()), sessions);
        using var manager = new IdentityRevalidatingAuthenticationStateProvider(NullLoggerFactory.Instance, scopes, Options.Create(new IdentityOptions()), sessions);
        packer.SetAuthenticationState(Task.FromResult(SignedIn("packer")));
        manager.SetAuthenticationState(Task.FromResult(SignedIn("manager")));
        var changed = 0;
        packer.AuthenticationStateChanged += _ => changed++;

        sessions.End("packer");

        Assert.False((await packer.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.Equal(1, changed);
        Assert.Equal("manager", (await manager.GetAuthenticationStateAsync()).User.Identity?.Name);
    }
}
