using SellerPortal.Features.Channels;

namespace SellerPortal.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project App -- bench &lt;name&gt; [options]</c>: runs one benchmark against an in-process
/// portal on a throw-away data folder and exits; the configured database is never touched (README, Benchmarks).
/// </summary>
public static class BenchmarkCommand
{
    private const string Usage = """
        usage:
          bench bulk-price --products N [--channels tiktok,amazon,ebay]
          bench grid [--products N]   (default 100000)
        """;

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == "bench";

    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        Func<CancellationToken, Task<int>> run;
        try
        {
            var options = Options(args.Skip(2));
            run = args.ElementAtOrDefault(1) switch
            {
                "bulk-price" when Int(options, "products") is { } products &&
                    Channels(options.GetValueOrDefault("channels") ?? "tiktok,amazon,ebay") is var channels =>
                    ct => BulkPriceBenchmark.RunAsync(products, channels, ct),
                "grid" when (Int(options, "products") ?? 100_000) is var products => ct => GridBenchmark.RunAsync(products, ct),
                _ => throw new ArgumentException("Name a benchmark and its options."),
            };
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine($"{ex.Message}\n{Usage}");
            return 2;
        }

        return await run(cancel.Token);
    }

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var name = e.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !e.MoveNext())
            {
                throw new ArgumentException($"Expected --name value pairs, got \"{name}\".");
            }

            options[name[2..]] = e.Current;
        }

        return options;
    }

    private static int? Int(Dictionary<string, string> options, string name) =>
        !options.TryGetValue(name, out var value) ? null
        : int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : throw new ArgumentException($"--{name} must be a positive whole number.");

    private static List<ChannelKind> Channels(string list) =>
        [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => name.ToLowerInvariant() switch
        {
            "tiktok" or "tiktokshop" => ChannelKind.TikTokShop,
            "amazon" => ChannelKind.Amazon,
            "ebay" => ChannelKind.Ebay,
            _ => throw new ArgumentException($"Unknown channel \"{name}\": use tiktok, amazon, ebay."),
        }).Distinct()];
}
