using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Inventory;

/// <summary>How the stock a channel holds in its own warehouses (FBA) is named to staff: always marked read-only.</summary>
public static class ChannelFulfilment
{
    public static string Describe(ChannelKind channel, int quantity) =>
        $"Fulfilled by {ChannelNames.Display(channel)}: {quantity} (read-only)";
}
