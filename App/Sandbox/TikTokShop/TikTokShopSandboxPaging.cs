using System.Globalization;
using System.Text;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>Opaque page tokens like TikTok's: the sort position of the last item returned, base64.</summary>
public static class TikTokShopSandboxPaging
{
    public static bool TryParseSize(HttpContext http, out int size) =>
        int.TryParse(http.Request.Query["page_size"], NumberStyles.None, CultureInfo.InvariantCulture, out size) && size is >= 1 and <= 100;

    /// <summary>Items after the token's position in <paramref name="sorted"/>; null result when the token is not one of ours.</summary>
    public static (List<T> Page, string NextToken)? Take<T>(
        IReadOnlyList<T> sorted, Func<T, (long Sort, string Id)> key, bool descending, string? token, int size)
    {
        var start = 0;
        if (!string.IsNullOrEmpty(token))
        {
            if (Decode(token) is not { } after)
            {
                return null;
            }

            start = sorted.Count;
            for (var i = 0; i < sorted.Count; i++)
            {
                var k = key(sorted[i]);
                var cmp = k.Sort != after.Sort ? k.Sort.CompareTo(after.Sort) : string.CompareOrdinal(k.Id, after.Id);
                if (descending ? cmp < 0 : cmp > 0)
                {
                    start = i;
                    break;
                }
            }
        }

        var page = sorted.Skip(start).Take(size).ToList();
        var more = start + page.Count < sorted.Count;
        return (page, more ? Encode(key(page[^1])) : "");
    }

    /// <summary>A page read straight from the store by keyset: <paramref name="fetched"/> holds up to size + 1 items.</summary>
    public static (List<T> Page, string NextToken) FromKeyset<T>(IReadOnlyList<T> fetched, Func<T, (long Sort, string Id)> key, int size)
    {
        var page = fetched.Take(size).ToList();
        return (page, fetched.Count > size ? Encode(key(page[^1])) : "");
    }

    /// <summary>The position a token carries; false when the token is not one of ours. An empty token is the start.</summary>
    public static bool TryPosition(string? token, out (long Sort, string Id)? position)
    {
        position = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        position = Decode(token);
        return position is not null;
    }

    private static string Encode((long Sort, string Id) position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"v1|{position.Sort.ToString(CultureInfo.InvariantCulture)}|{position.Id}"));

    private static (long Sort, string Id)? Decode(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            return parts.Length == 3 && parts[0] == "v1" && long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var sort)
                ? (sort, parts[2])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
