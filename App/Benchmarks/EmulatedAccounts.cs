using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Benchmarks;

/// <summary>
/// Connects one account per channel the way a seller does, minus the browser: the portal's own
/// <see cref="ChannelConnectFlow"/> issues the state and the consent URL, the emulator's consent page is read and
/// approved over HTTP, and the code on the redirect goes back through the flow's code exchange.
/// </summary>
internal static partial class EmulatedAccounts
{
    /// <summary>Connecting is an Admin action: the bench acts as an Admin named "benchmark".</summary>
    private static readonly Features.Admin.Audit.Actor Admin = new("benchmark", "benchmark", IsAdmin: true);

    /// <summary>One account on every marketplace that has an emulator (<see cref="Sandbox.Common.EmulatedChannels"/>).</summary>
    public static async Task<Dictionary<ChannelKind, int>> ConnectAllAsync(BenchmarkPortal portal, CancellationToken ct)
    {
        var accounts = new Dictionary<ChannelKind, int>();
        foreach (var channel in portal.Services.GetRequiredService<Sandbox.Common.EmulatedChannels>().InDisplayOrder)
        {
            accounts[channel] = await ConnectAsync(portal, channel, ct);
        }

        return accounts;
    }

    /// <summary>
    /// Connects <paramref name="channel"/>; <paramref name="fields"/> are typed on the consent page (the eBay
    /// emulator's username: which store signs in). Returns the account's id.
    /// </summary>
    public static async Task<int> ConnectAsync(BenchmarkPortal portal, ChannelKind channel, CancellationToken ct, IReadOnlyDictionary<string, string>? fields = null)
    {
        var flow = portal.Services.GetRequiredService<ChannelConnectFlow>();
        var callback = new Uri(portal.BaseAddress, $"/channels/callback/{channel}");
        // Where Connect asks which shop (Shopify), the bench names the emulator's default one, as staff type it.
        var emulators = portal.Services.GetRequiredService<Sandbox.Common.EmulatedChannels>();
        var shop = Sandbox.Common.SandboxControlContract.Control(portal.Services, emulators.PathOf(channel)).About.ConnectShop;
        var start = await flow.StartAsync(channel, Admin, ChannelEnvironment.Sandbox, region: null, callback, ct, shop);
        var consentUrl = new Uri(portal.BaseAddress, start.RedirectTo);

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var page = await browser.GetStringAsync(consentUrl, ct);
        var form = HiddenInput().Matches(page)
            .Select(m => (Name: Attribute(m.Value, "name"), Value: WebUtility.HtmlDecode(Attribute(m.Value, "value") ?? "")))
            .Where(f => f.Name is not null)
            .ToDictionary(f => f.Name!, f => f.Value);
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form[name] = value;
        }

        form["decision"] = "approve";
        using var decided = await browser.PostAsync(consentUrl, new FormUrlEncodedContent(form), ct);
        var location = decided.Headers.Location
            ?? throw new InvalidOperationException($"The {channel} consent page answered {(int)decided.StatusCode} without a redirect.");
        var query = QueryHelpers.ParseQuery(new Uri(consentUrl, location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());

        var outcome = await flow.CompleteAsync(channel, Admin, query, callback, ct);
        if (!outcome.Connected)
        {
            throw new InvalidOperationException($"{channel} did not connect: {Uri.UnescapeDataString(outcome.RedirectTo)}");
        }

        await using var db = await portal.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.AppDbContext>>().CreateDbContextAsync(ct);
        return await db.ChannelAccounts.Where(a => a.Channel == channel).OrderByDescending(a => a.Id).Select(a => a.Id).FirstAsync(ct);
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, name + "=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenInput();
}
