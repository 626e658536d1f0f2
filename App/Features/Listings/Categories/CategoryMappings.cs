using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Listings.Categories;

public sealed record CategoryMappingRow(int Id, ChannelKind Channel, string Marketplace, string MasterCategory, string ExternalCategoryId, IReadOnlyList<string> RequiredAspects);

/// <summary>The master-category → channel-category table, with the item specifics each channel category requires.</summary>
public sealed class CategoryMappings(IDbContextFactory<AppDbContext> contexts, Admin.Audit.AuditLog audit)
{
    public async Task<IReadOnlyList<CategoryMappingRow>> ListAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.CategoryMappings.AsNoTracking()
            .OrderBy(m => m.Channel).ThenBy(m => m.Marketplace).ThenBy(m => m.MasterCategory)
            .ToListAsync(ct);
        return rows.Select(m => new CategoryMappingRow(m.Id, m.Channel, m.Marketplace, m.MasterCategory, m.ExternalCategoryId, m.RequiredAspects)).ToList();
    }

    /// <summary>Adds or updates a mapping; returns the problem in a sentence, or null when saved.</summary>
    public async Task<string?> SaveAsync(CategoryMappingRow row, Admin.Audit.Actor actor, CancellationToken ct)
    {
        var master = row.MasterCategory.Trim();
        var external = row.ExternalCategoryId.Trim();
        if (master.Length == 0 || external.Length == 0)
        {
            return "Give both the master category and the channel's category id.";
        }

        await using var db = contexts.CreateDbContext();
        var marketplace = row.Marketplace.Trim();
        var clash = await db.CategoryMappings.AnyAsync(m => m.Id != row.Id && m.Channel == row.Channel && m.Marketplace == marketplace && m.MasterCategory == master, ct);
        if (clash)
        {
            return $"\"{master}\" is already mapped for {ChannelNames.Display(row.Channel)}{(marketplace.Length > 0 ? " on " + marketplace : "")}; edit that mapping instead.";
        }

        var mapping = row.Id == 0 ? null : await db.CategoryMappings.SingleOrDefaultAsync(m => m.Id == row.Id, ct);
        if (mapping is null)
        {
            mapping = new CategoryMapping { MasterCategory = master, ExternalCategoryId = external };
            db.CategoryMappings.Add(mapping);
        }

        mapping.Channel = row.Channel;
        mapping.Marketplace = marketplace;
        mapping.MasterCategory = master;
        mapping.ExternalCategoryId = external;
        mapping.RequiredAspects = row.RequiredAspects.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.UserName, "category-mapping.saved", $"{row.Channel} {marketplace} {master}",
            $"{external}; requires {string.Join(", ", mapping.RequiredAspects)}", ct);
        return null;
    }

    public async Task DeleteAsync(int id, Admin.Audit.Actor actor, CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var removed = await db.CategoryMappings.Where(m => m.Id == id).ExecuteDeleteAsync(ct);
        if (removed > 0)
        {
            await audit.RecordAsync(actor.UserId, actor.UserName, "category-mapping.deleted", $"mapping {id}", null, ct);
        }
    }
}
