using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;

namespace SellerPortal.Features.Preferences;

/// <summary>Per-user display choices, read and written with a short-lived context (circuits live long).</summary>
public sealed class UserPreferences(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<bool> GetDarkModeAsync(string userId, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.PrefersDarkMode).FirstOrDefaultAsync(ct);
    }

    public async Task SetDarkModeAsync(string userId, bool dark, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.PrefersDarkMode, dark), ct);
    }
}
