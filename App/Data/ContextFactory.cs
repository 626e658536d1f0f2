using Microsoft.EntityFrameworkCore;

namespace SellerPortal.Data;

/// <summary>Hands out the configured provider's context as the provider-neutral <see cref="AppDbContext"/>.</summary>
internal sealed class ContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
    where TContext : AppDbContext
{
    public AppDbContext CreateDbContext() => inner.CreateDbContext();
}
