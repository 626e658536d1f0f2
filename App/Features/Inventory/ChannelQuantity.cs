namespace SellerPortal.Features.Inventory;

/// <summary>What a channel is shown for a SKU: available less the listing's buffer, capped, never below zero.</summary>
public static class ChannelQuantity
{
    public static int For(int available, int buffer, int? cap)
    {
        var shown = available - Math.Max(0, buffer);
        if (cap is { } c)
        {
            shown = Math.Min(shown, c);
        }

        return Math.Max(0, shown);
    }
}

/// <summary>On hand, reserved and available of one variant at a moment. Available below zero means oversold.</summary>
public sealed record StockLevel(int VariantId, string Sku, int OnHand, int Reserved)
{
    public int Available => OnHand - Reserved;

    public bool Oversold => Available < 0;
}
