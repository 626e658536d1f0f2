namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// A buyer's order in a shop and what it does to the variant's quantities, as Shopify does it: placing commits the
/// units (available → committed, on hand unchanged), a cancellation with restock gives them back to available, and a
/// fulfillment takes them off hand. Called with the shop's lock held.
/// </summary>
internal static class ShopifySandboxOrders
{
    /// <summary>The words the order shows through the Admin API: <c>CANCELLED</c>, else financial / fulfillment status.</summary>
    public static string StatusWord(ShopifyOrder order) =>
        order.Cancelled is not null ? "CANCELLED" : $"{order.DisplayFinancialStatus}/{order.DisplayFulfillmentStatus}";

    /// <summary>Buyer <paramref name="i"/>'s order of <paramref name="units"/> of the SKU, with one fulfillment order holding every line.</summary>
    public static ShopifyOrder New(ShopifySandboxShop shop, ShopifyVariant? variant, string sku, int units, int i, DateTimeOffset now)
    {
        var customerNum = shop.NextId();
        var (first, last) = ("Sandbox", $"Buyer {i + 1}");
        var email = $"buyer{customerNum}@example.com";
        var order = new ShopifyOrder
        {
            Num = shop.NextId(),
            Name = $"#{1001 + shop.Orders.Count}",
            Created = now,
            Updated = now,
            Email = email,
            Customer = new ShopifyCustomer(ShopifyGid.Of("Customer", customerNum), $"{first} {last}", first, last, email, customerNum),
            ShippingAddress = new ShopifyMailingAddress($"{first} {last}", first, last, $"{100 + i} Queen Street West", null, "Toronto",
                "Ontario", "ON", "M5H 2M9", "CA", null),
        };
        var line = new ShopifyLineItem
        {
            Num = shop.NextId(),
            Sku = sku,
            Title = variant?.Product.Title ?? $"Sandbox item {sku}",
            Quantity = units,
            Unit = ShopifySandboxInput.Money(variant?.Price) ?? 19.99m,
            Variant = variant,
        };
        order.LineItemList.Add(line);
        var fulfillmentOrder = new ShopifyFulfillmentOrder { Num = shop.NextId(), Order = order };
        fulfillmentOrder.LineItemList.Add(new ShopifyFulfillmentOrderLineItem { Num = shop.NextId(), LineItem = line, RemainingQuantity = units });
        order.FulfillmentOrderList.Add(fulfillmentOrder);
        return order;
    }

    /// <summary>The location a variant's units are counted at: the lowest-numbered where it has a level, else the shop's first.</summary>
    public static long StockLocation(ShopifySandboxShop shop, ShopifyInventoryItem item) =>
        item.Levels.Count > 0 ? item.Levels.Keys.Min() : shop.Locations[0].Num;

    /// <summary>The order's units leave available for committed.</summary>
    public static void Commit(ShopifySandboxShop shop, ShopifyOrder order, DateTimeOffset now) =>
        Move(shop, order, now, (level, units) =>
        {
            level["available"] -= units;
            level["committed"] += units;
        });

    /// <summary>Cancels the order (refunded, every fulfillment order closed); with restock its committed units are available again.</summary>
    public static void Cancel(ShopifyOrder order, DateTimeOffset now, bool restock)
    {
        if (restock)
        {
            foreach (var line in order.FulfillmentOrderList.SelectMany(f => f.LineItemList).Where(l => l.RemainingQuantity > 0))
            {
                if (Level(line.LineItem.Variant?.InventoryItem) is { } level)
                {
                    level["available"] += line.RemainingQuantity;
                    level["committed"] -= line.RemainingQuantity;
                    line.LineItem.Variant!.InventoryItem.Updated = now;
                }
            }
        }

        foreach (var fulfillmentOrder in order.FulfillmentOrderList)
        {
            fulfillmentOrder.Status = "CLOSED";
        }

        order.Cancelled = now;
        order.Closed = true;
        order.DisplayFinancialStatus = "REFUNDED";
        order.Updated = now;
    }

    /// <summary>Fulfills everything that remains, with no tracking, as the merchant would from Shopify's own admin.</summary>
    public static void Ship(ShopifySandboxShop shop, ShopifyOrder order, DateTimeOffset now)
    {
        var lines = order.FulfillmentOrderList.SelectMany(f => f.LineItemList).Where(l => l.RemainingQuantity > 0)
            .Select(l => (Line: l, Quantity: l.RemainingQuantity)).ToList();
        var fulfillment = new ShopifyFulfillment { Num = shop.NextId(), Created = now, Lines = [.. lines.Select(l => (l.Line.LineItem, l.Quantity))] };
        ShopifySandboxFulfillments.Fulfil(order, lines, fulfillment, now);
    }

    /// <summary>Fulfilled units leave the shop: off committed and off hand.</summary>
    public static void TakeOffHand(IEnumerable<(ShopifyFulfillmentOrderLineItem Line, int Quantity)> lines, DateTimeOffset now)
    {
        foreach (var (line, quantity) in lines)
        {
            if (Level(line.LineItem.Variant?.InventoryItem) is { } level)
            {
                level["committed"] -= quantity;
                level["on_hand"] -= quantity;
                line.LineItem.Variant!.InventoryItem.Updated = now;
            }
        }
    }

    private static void Move(ShopifySandboxShop shop, ShopifyOrder order, DateTimeOffset now, Action<Dictionary<string, int>, int> change)
    {
        foreach (var line in order.LineItemList.Where(l => l.Variant is not null))
        {
            var item = line.Variant!.InventoryItem;
            if (item.Levels.Count == 0)
            {
                ShopifySandboxInventory.Set(item, StockLocation(shop, item), "available", 0, now);
            }

            change(Level(item)!, line.Quantity);
            item.Updated = now;
        }
    }

    /// <summary>The item's quantities at the location its units are counted at (the lowest-numbered it has), null when it has none.</summary>
    private static Dictionary<string, int>? Level(ShopifyInventoryItem? item) =>
        item is null || item.Levels.Count == 0 ? null : item.Levels[item.Levels.Keys.Min()];
}
