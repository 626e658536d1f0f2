using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Setup;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Setup;

/// <summary>
/// Two instances of the portal on one database, each asked at the same moment to create the first Admin: exactly
/// one is created, the other instance answers that setup is complete (issue 11 item 10).
/// </summary>
public sealed class TwoInstanceSetupTests
{
    [Fact]
    public async Task TwoInstancesAtOnce_CreateExactlyOneFirstAdmin()
    {
        await using var first = PortalAppFactory.With(null);
        await using var second = PortalAppFactory.With(first.DataDirectory);
        _ = first.Services;
        _ = second.Services;

        async Task<SetupResult> SetUpAsync(PortalAppFactory instance, string email)
        {
            await using var scope = instance.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<FirstAdminSetup>()
                .CreateFirstAdminAsync(email, "Owner", PortalClient.Password, fromTheServer: true, setupCode: null, CancellationToken.None);
        }

        var results = await Task.WhenAll(
            Task.Run(() => SetUpAsync(first, "owner-a@example.com")),
            Task.Run(() => SetUpAsync(second, "owner-b@example.com")));

        Assert.Single(results, r => r.Succeeded);
        Assert.Equal(FirstAdminSetup.AlreadyComplete, Assert.Single(results, r => !r.Succeeded).Error);
        await using var db = first.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        var user = Assert.Single(await db.Users.ToListAsync());
        Assert.Equal(results.Single(r => r.Succeeded).User!.Email, user.Email);
        Assert.Equal(1, await db.UserRoles.CountAsync());
    }
}
