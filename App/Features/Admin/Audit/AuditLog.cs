using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;

namespace SellerPortal.Features.Admin.Audit;

/// <summary>Records who did what. Each entry is its own small write, so an audit never rides on a failed change.</summary>
public sealed class AuditLog(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public async Task RecordAsync(string? userId, string? userName, string action, string? subject, string? detail, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserName = userName,
            Action = action,
            Subject = subject,
            Detail = detail,
        });
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// The signed-in user doing something: who, for the audit log, and whether they hold the Admin role, which the
/// services of Admin actions check themselves (<see cref="AdminOnly"/>), not only the pages that call them.
/// </summary>
public sealed record Actor(string? UserId, string? UserName, bool IsAdmin = false)
{
    public static Actor From(System.Security.Claims.ClaimsPrincipal user) =>
        new(user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, user.Identity?.Name, user.IsInRole(Roles.Admin));
}
