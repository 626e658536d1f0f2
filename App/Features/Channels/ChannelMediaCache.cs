using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>The channels' copies of master images, kept in <see cref="AppDbContext.ChannelMediaUploads"/>.</summary>
public sealed class ChannelMediaCache(IDbContextFactory<AppDbContext> contexts, TimeProvider time) : IChannelMediaCache
{
    public async Task<string?> FindAsync(int accountId, string sourceUrl, CancellationToken ct)
    {
        var hash = Hash(sourceUrl);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ChannelMediaUploads.AsNoTracking()
            .Where(u => u.ChannelAccountId == accountId && u.SourceUrlHash == hash)
            .Select(u => u.ChannelReference)
            .FirstOrDefaultAsync(ct);
    }

    public async Task RememberAsync(int accountId, string sourceUrl, string channelReference, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.ChannelMediaUploads.Add(new ChannelMediaUpload
        {
            ChannelAccountId = accountId,
            SourceUrl = sourceUrl.Length > 2048 ? sourceUrl[..2048] : sourceUrl,
            SourceUrlHash = Hash(sourceUrl),
            ChannelReference = channelReference,
            UploadedUtc = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two publishes uploaded the same picture at once; the unique index kept the first, which is as good.
            if (await FindAsync(accountId, sourceUrl, ct) is null)
            {
                throw;
            }
        }
    }

    private static string Hash(string sourceUrl) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sourceUrl)));
}
