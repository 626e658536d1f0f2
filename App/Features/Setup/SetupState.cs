using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;

namespace SellerPortal.Features.Setup;

/// <summary>
/// Whether first-run setup is done (a user exists). Once true it stays true, so the check costs a query only
/// until the first admin exists.
/// </summary>
public sealed class SetupState(IDbContextFactory<AppDbContext> contexts)
{
    private volatile bool complete;

    public async ValueTask<bool> IsCompleteAsync(CancellationToken ct)
    {
        if (complete)
        {
            return true;
        }

        await using var db = contexts.CreateDbContext();
        complete = await db.Users.AnyAsync(ct);
        return complete;
    }

    internal void MarkComplete() => complete = true;
}
