namespace SellerPortal.Sandbox.Common;

/// <summary>
/// What an emulated channel shows per SKU while its order generator sells: real marketplaces take the units off the
/// listed quantity when they take an order (TikTok Shop, Amazon merchant-fulfilled, eBay) and refuse a buyer once it
/// shows none; a cancellation puts them back. A SKU the channel does not list has no count here and sells unchecked
/// (the generators also stand in for listings made elsewhere, as the import benchmarks use them).
/// </summary>
public sealed class SandboxStock(IReadOnlyDictionary<string, int> shown)
{
    private readonly Dictionary<string, int> quantities = new(shown, StringComparer.Ordinal);
    private readonly HashSet<string> changed = new(StringComparer.Ordinal);

    /// <summary>The SKUs whose count moved, to be written back.</summary>
    public IEnumerable<KeyValuePair<string, int>> Changed => quantities.Where(q => changed.Contains(q.Key));

    public bool Lists(string sku) => quantities.ContainsKey(sku);

    /// <summary>Takes <paramref name="units"/> of every line, or none when a listed SKU shows fewer.</summary>
    public bool TryTake(IReadOnlyCollection<(string Sku, int Units)> lines)
    {
        var needed = lines.Where(l => Lists(l.Sku)).GroupBy(l => l.Sku).Select(g => (Sku: g.Key, Units: g.Sum(l => l.Units))).ToList();
        if (needed.Any(n => quantities[n.Sku] < n.Units))
        {
            return false;
        }

        foreach (var (sku, units) in needed)
        {
            quantities[sku] -= units;
            changed.Add(sku);
        }

        return true;
    }

    public bool TryTake(string sku, int units) => TryTake([(sku, units)]);

    /// <summary>
    /// The generators' buyers: buyer i asks for 1 + i % 3 units of the i-th SKU (round robin), is refused when the
    /// channel shows fewer, and an order made already cancelled gives its units back. Returns how many were refused.
    /// </summary>
    public int Sell(int count, IReadOnlyList<string> skus, bool cancelled, Action<int, string, int> sold)
    {
        var refused = 0;
        for (var i = 0; i < count; i++)
        {
            var (sku, units) = (skus[i % skus.Count], 1 + (i % 3));
            if (!TryTake(sku, units))
            {
                refused++;
                continue;
            }

            if (cancelled)
            {
                Give([(sku, units)]);
            }

            sold(i, sku, units);
        }

        return refused;
    }

    /// <summary>Puts units back (a cancellation before shipping).</summary>
    public void Give(IEnumerable<(string Sku, int Units)> lines)
    {
        foreach (var (sku, units) in lines.Where(l => Lists(l.Sku)))
        {
            quantities[sku] += units;
            changed.Add(sku);
        }
    }
}
