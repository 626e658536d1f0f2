using GraphQL;
using static SellerPortal.Sandbox.Shopify.ShopifySandboxInput;

namespace SellerPortal.Sandbox.Shopify;

internal sealed record ShopifyInventoryChange(string Name, int Delta, int? QuantityAfterChange, ShopifyInventoryItem Item, ShopifyLocation Location);

internal sealed record ShopifyInventoryAdjustmentGroup(string Id, string Reason, string CreatedAt, IReadOnlyList<ShopifyInventoryChange> Changes);

internal sealed record ShopifyInventorySetQuantitiesPayload(ShopifyInventoryAdjustmentGroup? InventoryAdjustmentGroup, IReadOnlyList<ShopifyUserError> UserErrors);

/// <summary>
/// inventorySetQuantities as 2026-10 takes it: name <c>available</c> or <c>on_hand</c>, a reason from Shopify's list,
/// at most <see cref="ShopifySandboxOptions.MaxInventoryQuantitiesPerCall"/> quantities, and on every quantity a
/// <c>changeFromQuantity</c>: absent is refused, an explicit null skips the check, a value other than the current
/// quantity is CHANGE_FROM_QUANTITY_STALE. Any refusal applies nothing of the call.
/// </summary>
internal static class ShopifySandboxInventory
{
    /// <summary>Shopify's inventory adjustment reasons.</summary>
    public static readonly IReadOnlySet<string> Reasons = new HashSet<string>(StringComparer.Ordinal)
    {
        "correction", "cycle_count_available", "damaged", "movement_canceled", "movement_created", "movement_received", "movement_updated",
        "other", "promotion", "quality_control", "received", "reservation_created", "reservation_deleted", "reservation_updated",
        "restock", "safety_stock", "shrinkage",
    };

    public static object? SetQuantities(IResolveFieldContext context)
    {
        var request = ShopifyRequest.Of(context);
        var shop = request.Shop;
        var input = Object(context.GetArgument<object?>("input"));
        var name = input.Text("name");
        var quantities = Objects(input.GetValueOrDefault("quantities"));
        var errors = new List<ShopifyUserError>();
        if (name is not ("available" or "on_hand"))
        {
            errors.Add(new ShopifyUserError(Path("input", "name"), "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME"));
        }

        if (!Reasons.Contains(input.Text("reason") ?? ""))
        {
            errors.Add(new ShopifyUserError(Path("input", "reason"), "The specified reason is invalid.", "INVALID_REASON"));
        }

        if (quantities.Count > request.App.MaxInventoryQuantitiesPerCall)
        {
            errors.Add(new ShopifyUserError(Path("input", "quantities"),
                $"The quantities list cannot hold more than {request.App.MaxInventoryQuantitiesPerCall} entries.", "INVALID_QUANTITY_TOO_HIGH"));
        }

        var planned = new List<(ShopifyInventoryItem Item, ShopifyLocation Location, int Quantity)>();
        for (var i = 0; i < quantities.Count; i++)
        {
            var quantity = quantities[i];
            var item = ShopifyGid.Parse(quantity.Text("inventoryItemId"), "InventoryItem") is { } itemId ? shop.Item(itemId) : null;
            var location = shop.Locations.FirstOrDefault(l => l.Id == quantity.Text("locationId"));
            if (item is null)
            {
                errors.Add(new ShopifyUserError(Path("input", "quantities", i, "inventoryItemId"), "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM"));
                continue;
            }

            if (location is null)
            {
                errors.Add(new ShopifyUserError(Path("input", "quantities", i, "locationId"), "The specified location could not be found.", "INVALID_LOCATION"));
                continue;
            }

            var value = quantity.Int("quantity") ?? 0;
            if (value < 0 && name == "on_hand")
            {
                errors.Add(new ShopifyUserError(Path("input", "quantities", i, "quantity"), "The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE"));
            }

            if (planned.Any(p => p.Item == item && p.Location == location))
            {
                errors.Add(new ShopifyUserError(Path("input", "quantities", i), "The combination of inventoryItemId and locationId must be unique.", "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
            }

            var current = item.Levels.GetValueOrDefault(location.Num)?.GetValueOrDefault(name!) ?? 0;
            if (!quantity.Has("changeFromQuantity"))
            {
                // 2026-04 on: the field is required on every quantity; an explicit null opts out of the check.
                errors.Add(new ShopifyUserError(Path("input", "quantities", i, "changeFromQuantity"),
                    "changeFromQuantity is required. Pass null to skip the check.", "INVALID_INPUT"));
            }
            else if (quantity.Int("changeFromQuantity") is { } expected && expected != current)
            {
                errors.Add(new ShopifyUserError(Path("input", "quantities", i, "changeFromQuantity"),
                    "The specified compare quantity does not match the current quantity.", "CHANGE_FROM_QUANTITY_STALE"));
            }

            planned.Add((item, location, value));
        }

        if (errors.Count > 0)
        {
            return new ShopifyInventorySetQuantitiesPayload(null, errors);
        }

        var changes = new List<ShopifyInventoryChange>();
        foreach (var (item, location, value) in planned)
        {
            var before = item.Levels[location.Num].GetValueOrDefault(name!);
            Set(item, location.Num, name!, value, request.Now);
            changes.Add(new ShopifyInventoryChange(name!, value - before, value, item, location));
            if (name == "available")
            {
                changes.Add(new ShopifyInventoryChange("on_hand", value - before, item.Levels[location.Num]["on_hand"], item, location));
            }

            request.Webhooks.Add(("inventory_levels/update", ShopifySandboxWebhookBodies.InventoryLevel(item, location, request.Now)));
        }

        return new ShopifyInventorySetQuantitiesPayload(
            new ShopifyInventoryAdjustmentGroup(ShopifyGid.Of("InventoryAdjustmentGroup", shop.NextId()), input.Text("reason")!, ShopifyGid.Time(request.Now), changes), []);
    }

    /// <summary>Sets a named quantity; available and on_hand move together (on hand = available + committed).</summary>
    public static void Set(ShopifyInventoryItem item, long location, string name, int quantity, DateTimeOffset now)
    {
        if (!item.Levels.TryGetValue(location, out var level))
        {
            item.Levels[location] = level = new Dictionary<string, int>(StringComparer.Ordinal) { ["available"] = 0, ["on_hand"] = 0, ["committed"] = 0 };
        }

        var committed = level.GetValueOrDefault("committed");
        level["available"] = name == "available" ? quantity : quantity - committed;
        level["on_hand"] = name == "available" ? quantity + committed : quantity;
        item.Updated = now;
    }
}
