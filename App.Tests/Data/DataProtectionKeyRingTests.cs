using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Data;

public sealed class DataProtectionKeyRingTests
{
    [Fact]
    public async Task Keys_LiveInTheDatabase_SoProtectedDataSurvivesARestart()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sellerportal-tests", Guid.NewGuid().ToString("N"));
        string protectedText;
        using (var first = PortalAppFactory.With(dir))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("tok-123");
            await using var db = first.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            Assert.True(await db.DataProtectionKeys.AnyAsync());
        }

        using var second = PortalAppFactory.With(dir);
        var unprotected = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText);

        Assert.Equal("tok-123", unprotected);
    }
}
