using System.Globalization;
using System.Text;
using GraphQL;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// Shopify's cursor pages: one of <c>first</c> or <c>last</c> (at most 250), opaque cursors for <c>after</c> and
/// <c>before</c>, <c>reverse</c>; a bulk operation's run reads every node.
/// </summary>
internal static class ShopifySandboxPaging
{
    public static ShopifyConnection Page<T>(IResolveFieldContext context, IEnumerable<T> items, Func<T, string> sortKey)
        where T : notnull
    {
        var request = ShopifyRequest.Of(context);
        var ordered = items.Select(i => (Key: sortKey(i), Item: i)).OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
        if (context.GetArgument("reverse", false))
        {
            ordered.Reverse();
        }

        if (request.Bulk)
        {
            return Connection(ordered, false, false);
        }

        var first = context.GetArgument<int?>("first");
        var last = context.GetArgument<int?>("last");
        if (first is null && last is null)
        {
            throw new ExecutionError("you must provide one of first or last") { Code = "BAD_REQUEST" };
        }

        if (first is < 0 or > 250 || last is < 0 or > 250)
        {
            throw new ExecutionError("The maximum number of items that can be requested with the first or last argument is 250.") { Code = "BAD_REQUEST" };
        }

        var after = Decode(context.GetArgument<string?>("after"));
        var before = Decode(context.GetArgument<string?>("before"));
        var index = after is null ? 0 : ordered.FindIndex(i => i.Key == after) + 1;
        var end = before is null ? ordered.Count : ordered.FindIndex(i => i.Key == before);
        if ((after is not null && index == 0) || end < 0)
        {
            throw new ExecutionError("Invalid cursor for current pagination sort.") { Code = "BAD_REQUEST" };
        }

        var window = ordered[index..Math.Max(index, end)];
        var hasPrevious = index > 0;
        var hasNext = end < ordered.Count;
        if (first is { } f && window.Count > f)
        {
            window = window[..f];
            hasNext = true;
        }

        if (last is { } l && window.Count > l)
        {
            window = window[^l..];
            hasPrevious = true;
        }

        return Connection(window, hasNext, hasPrevious);
    }

    private static ShopifyConnection Connection<T>(List<(string Key, T Item)> page, bool hasNext, bool hasPrevious)
        where T : notnull
    {
        var edges = page.Select(p => new ShopifyEdge(Encode(p.Key), p.Item)).ToList();
        return new ShopifyConnection(edges, [.. page.Select(p => (object)p.Item)],
            new ShopifyPageInfo(hasNext, hasPrevious, edges.FirstOrDefault()?.Cursor, edges.LastOrDefault()?.Cursor));
    }

    /// <summary>A sort key that orders as text: the value, then the id zero-padded.</summary>
    public static string Key(string value, long id) => value + "|" + id.ToString("D19", CultureInfo.InvariantCulture);

    public static string Key(long id) => id.ToString("D19", CultureInfo.InvariantCulture);

    private static string Encode(string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"k\":\"" + key + "\"}"));

    private static string? Decode(string? cursor)
    {
        if (cursor is null)
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith("{\"k\":\"", StringComparison.Ordinal) && text.EndsWith("\"}", StringComparison.Ordinal) ? text[6..^2] : "";
        }
        catch (FormatException)
        {
            return "";
        }
    }
}

/// <summary>
/// Shopify's search syntax, the part the portal uses: <c>field:value</c>, <c>field:&gt;value</c>, <c>&gt;=</c>,
/// <c>&lt;</c>, <c>&lt;=</c>, values quoted with ' or ", terms joined by spaces or AND, groups of them joined by OR
/// (AND binds tighter, as in Shopify's syntax), a trailing * for a prefix.
/// </summary>
internal sealed record ShopifySearchTerm(string Field, string Op, string Value)
{
    /// <summary>The query's OR groups, each the terms that must all match; no query is one empty group (everything).</summary>
    public static IReadOnlyList<IReadOnlyList<ShopifySearchTerm>> Parse(string? query)
    {
        var groups = new List<IReadOnlyList<ShopifySearchTerm>>();
        var terms = new List<ShopifySearchTerm>();
        groups.Add(terms);
        if (string.IsNullOrWhiteSpace(query))
        {
            return groups;
        }

        var i = 0;
        while (i < query.Length)
        {
            while (i < query.Length && query[i] == ' ')
            {
                i++;
            }

            var start = i;
            while (i < query.Length && query[i] != ' ' && query[i] != ':')
            {
                i++;
            }

            var field = query[start..i];
            if (i >= query.Length || query[i] != ':')
            {
                if (field == "OR")
                {
                    terms = [];
                    groups.Add(terms);
                }
                else if (field.Length > 0 && field != "AND")
                {
                    terms.Add(new ShopifySearchTerm("", ":", field));
                }

                continue;
            }

            i++;
            var op = ":";
            foreach (var candidate in new[] { ">=", "<=", ">", "<" })
            {
                if (string.CompareOrdinal(query, i, candidate, 0, candidate.Length) == 0)
                {
                    op = candidate;
                    i += candidate.Length;
                    break;
                }
            }

            string value;
            if (i < query.Length && query[i] is '\'' or '"')
            {
                var quote = query[i];
                var close = query.IndexOf(quote, i + 1);
                close = close < 0 ? query.Length : close;
                value = query[(i + 1)..close];
                i = Math.Min(query.Length, close + 1);
            }
            else
            {
                start = i;
                while (i < query.Length && query[i] != ' ')
                {
                    i++;
                }

                value = query[start..i];
            }

            terms.Add(new ShopifySearchTerm(field.ToLowerInvariant(), op, value));
        }

        return groups;
    }

    /// <summary>Whether a value matches: dates and numbers compare, text equals (case-insensitive, * for a prefix).</summary>
    public bool Matches(string? actual)
    {
        if (actual is null)
        {
            return false;
        }

        int compared;
        if (DateTimeOffset.TryParse(Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && Field.EndsWith("_at", StringComparison.Ordinal))
        {
            compared = at.CompareTo(when);
        }
        else if (long.TryParse(Value, CultureInfo.InvariantCulture, out var number) && long.TryParse(actual, CultureInfo.InvariantCulture, out var have))
        {
            compared = have.CompareTo(number);
        }
        else if (Op == ":")
        {
            return Value.EndsWith('*')
                ? actual.StartsWith(Value[..^1], StringComparison.OrdinalIgnoreCase)
                : string.Equals(actual, Value, StringComparison.OrdinalIgnoreCase);
        }
        else
        {
            compared = string.Compare(actual, Value, StringComparison.OrdinalIgnoreCase);
        }

        return Op switch
        {
            ">" => compared > 0,
            ">=" => compared >= 0,
            "<" => compared < 0,
            "<=" => compared <= 0,
            _ => compared == 0,
        };
    }

    /// <summary>
    /// Items matching every term of some OR group, each term on a field <paramref name="field"/> knows (Shopify ignores
    /// filters it does not know).
    /// </summary>
    public static IEnumerable<T> Filter<T>(IEnumerable<T> items, string? query, Func<T, string, (bool Known, string? Value)> field, Func<T, string> text)
    {
        var groups = Parse(query);
        return items.Where(item => groups.Any(terms => terms.All(t => t.Field.Length == 0
            ? text(item).Contains(t.Value.TrimEnd('*'), StringComparison.OrdinalIgnoreCase)
            : field(item, t.Field) is not (true, var value) || t.Matches(value))));
    }
}
