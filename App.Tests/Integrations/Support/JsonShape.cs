using System.Text.Json;

namespace SellerPortal.Tests.Integrations.Support;

/// <summary>A JSON document as its member paths and JSON kinds: <c>packageDetail.orderItems[].quantity → Number</c>.</summary>
public static class JsonShape
{
    public static Dictionary<string, string> Of(string json) => Of(JsonDocument.Parse(json).RootElement);

    /// <summary>
    /// Every member path of <paramref name="ours"/> is in <paramref name="official"/> with the same JSON kind: our
    /// request uses the platform's names, casing, nesting and types (the official example may hold more).
    /// </summary>
    public static void AssertWithin(JsonElement official, JsonElement ours, Func<string, bool>? descendInto = null)
    {
        var expected = Of(official, descendInto);
        foreach (var (path, kind) in Of(ours, descendInto))
        {
            Xunit.Assert.True(expected.TryGetValue(path, out var officialKind), $"{path} is not in the official example.");
            Xunit.Assert.True(officialKind == kind, $"{path} is {kind}; the official example has {officialKind}.");
        }
    }

    public static Dictionary<string, string> Of(JsonElement root, Func<string, bool>? descendInto = null)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, "", paths, descendInto ?? (_ => true));
        return paths;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string> paths, Func<string, bool> descendInto)
    {
        if (path.Length > 0)
        {
            paths[path] = element.ValueKind switch
            {
                JsonValueKind.True or JsonValueKind.False => "Boolean",
                var kind => kind.ToString(),
            };
        }

        if (path.Length > 0 && !descendInto(path))
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    Walk(member.Value, path.Length == 0 ? member.Name : path + "." + member.Name, paths, descendInto);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path + "[]", paths, descendInto);
                }

                break;
        }
    }
}
