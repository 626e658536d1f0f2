using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
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

    [Fact]
    public async Task WithACertificate_KeysAreEncryptedAtRest_AndStillReadAfterARestart()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sellerportal-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var pfx = Path.Combine(dir, "keyring.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=SellerPortal key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-pass"));
        }

        var settings = new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "pfx-pass" };
        string protectedText;
        using (var first = PortalAppFactory.With(dir, settings))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("tok-123");
            await using var db = first.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            var xml = (await db.DataProtectionKeys.FirstAsync()).Xml!;
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        }

        using var second = PortalAppFactory.With(dir, settings);
        Assert.Equal("tok-123", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
    }

    [Fact]
    public async Task WithoutACertificate_TheKeyXmlIsPlain_AsTheHealthPageSays()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sellerportal-tests", Guid.NewGuid().ToString("N"));
        using var portal = PortalAppFactory.With(dir);
        portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("tok-123");
        await using var db = portal.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

        Assert.Contains("<masterKey", (await db.DataProtectionKeys.FirstAsync()).Xml!, StringComparison.Ordinal);
        var check = await portal.Services.GetRequiredService<SellerPortal.Features.Admin.Health.SystemProbes>().KeyRingAsync(CancellationToken.None);
        Assert.Contains("keys stored unencrypted", check.Detail, StringComparison.Ordinal);
    }
}
