using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;

namespace SellerPortal.Components.Account;

/// <summary>The sign-in rules an Admin sets for everyone: for now, whether Admins must use two-factor sign-in.</summary>
public sealed class StaffSecurityPolicy(IDbContextFactory<AppDbContext> contexts, AuditLog audit)
{
    private const string RequireTwoFactorForAdminsKey = "security.require-2fa-for-admins";

    public async Task<bool> RequiresTwoFactorForAdminsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.PortalSettings.AsNoTracking().AnyAsync(s => s.Key == RequireTwoFactorForAdminsKey && s.Value == "true", ct);
    }

    /// <summary>
    /// From the next request on, an Admin without an authenticator is led to set one up before anything else
    /// (the cookie's claims are rebuilt at each request).
    /// </summary>
    public async Task SetRequireTwoFactorForAdminsAsync(bool required, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "change the sign-in rules");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.PortalSettings.SingleOrDefaultAsync(s => s.Key == RequireTwoFactorForAdminsKey, ct);
        if (row is null)
        {
            db.PortalSettings.Add(new PortalSetting { Key = RequireTwoFactorForAdminsKey, Value = required ? "true" : "false" });
        }
        else
        {
            row.Value = required ? "true" : "false";
        }

        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.UserName, "security.require-2fa-for-admins", required ? "on" : "off", null, ct);
    }
}
