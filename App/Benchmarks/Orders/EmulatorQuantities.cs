using System.Text.Json;
using Microsoft.Data.Sqlite;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Benchmarks.Orders;

/// <summary>
/// What each emulator itself shows buyers per SKU, read from the emulators' own store (not from the portal): the
/// Amazon listing's fulfillment_availability quantity, the eBay offer's availableQuantity, the TikTok SKU's inventory.
/// </summary>
internal sealed class EmulatorQuantities(string sandboxPath)
{
    private readonly string connectionString = new SqliteConnectionStringBuilder { DataSource = sandboxPath, Mode = SqliteOpenMode.ReadOnly, Pooling = true }.ToString();

    public async Task<Dictionary<string, int>> ReadAsync(ChannelKind channel, CancellationToken ct)
    {
        var (store, collection) = channel switch
        {
            ChannelKind.Amazon => ("amazon", "listings"),
            ChannelKind.Ebay => ("ebay", "offers"),
            ChannelKind.TikTokShop => ("TikTokShop", "products"),
            _ => throw new ArgumentOutOfRangeException(nameof(channel)),
        };
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM documents WHERE channel = $c AND collection = $col";
        command.Parameters.AddWithValue("$c", store);
        command.Parameters.AddWithValue("$col", collection);
        var quantities = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            using var doc = JsonDocument.Parse(reader.GetString(0));
            var root = doc.RootElement;
            switch (channel)
            {
                case ChannelKind.Amazon:
                    if (Get(root, "sku") is { ValueKind: JsonValueKind.String } sku
                        && Get(root, "attributes") is { } attributes && Get(attributes, "fulfillment_availability") is { ValueKind: JsonValueKind.Array } fa
                        && fa.GetArrayLength() > 0 && Get(fa[0], "quantity") is { ValueKind: JsonValueKind.Number } q)
                    {
                        quantities[sku.GetString()!] = q.GetInt32();
                    }

                    break;
                case ChannelKind.Ebay:
                    if (Get(root, "offer") is { } offer && Get(offer, "sku") is { ValueKind: JsonValueKind.String } offerSku
                        && Get(offer, "availableQuantity") is { ValueKind: JsonValueKind.Number } available)
                    {
                        quantities[offerSku.GetString()!] = available.GetInt32();
                    }

                    break;
                default:
                    if (Get(root, "product") is { } product && Get(product, "skus") is { ValueKind: JsonValueKind.Array } skus)
                    {
                        foreach (var s in skus.EnumerateArray())
                        {
                            if (Get(s, "seller_sku") is { ValueKind: JsonValueKind.String } sellerSku && Get(s, "inventory") is { ValueKind: JsonValueKind.Array } inventory)
                            {
                                quantities[sellerSku.GetString()!] = inventory.EnumerateArray().Sum(i => Get(i, "quantity") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : 0);
                            }
                        }
                    }

                    break;
            }
        }

        return quantities;
    }

    private static JsonElement? Get(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var p in e.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Name.Replace("_", "", StringComparison.Ordinal), name.Replace("_", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
            {
                return p.Value;
            }
        }

        return null;
    }
}
