using System.Text.RegularExpressions;

namespace SellerPortal.Tests.TestSupport;

/// <summary>Reads a static-SSR form's hidden fields (antiforgery token, Blazor form handler) to post it like a browser.</summary>
public static partial class HtmlForms
{
    public static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient client, string url, IDictionary<string, string> fields, CancellationToken ct = default) =>
        await PostAsync(client, url, await ReadHiddenFieldsAsync(client, url, ct), fields, ct);

    /// <summary>Posts a form whose page was read earlier (a stale tab, a replay).</summary>
    public static async Task<HttpResponseMessage> PostAsync(
        HttpClient client, string url, IDictionary<string, string> hidden, IDictionary<string, string> fields, CancellationToken ct = default)
    {
        var form = new Dictionary<string, string>(hidden);
        foreach (var (k, v) in fields)
        {
            form[k] = v;
        }

        return await client.PostAsync(url, new FormUrlEncodedContent(form), ct);
    }

    public static async Task<Dictionary<string, string>> ReadHiddenFieldsAsync(HttpClient client, string url, CancellationToken ct = default)
    {
        var page = await client.GetStringAsync(url, ct);
        var form = new Dictionary<string, string>();
        foreach (Match m in HiddenInput().Matches(page))
        {
            var name = Attr(m.Value, "name");
            if (name is not null)
            {
                form[name] = System.Net.WebUtility.HtmlDecode(Attr(m.Value, "value") ?? "");
            }
        }

        return form;
    }

    private static string? Attr(string tag, string attr)
    {
        var m = Regex.Match(tag, attr + "=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
