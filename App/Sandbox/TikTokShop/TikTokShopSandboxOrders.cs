using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>Orders (/order/202309/…), fulfilment (/fulfillment/202309/…) and shipping providers.</summary>
internal sealed class TikTokShopSandboxOrders(TikTokShopSandboxStore store, TikTokShopSandboxGate gate)
{
    /// <summary>The providers every sandbox delivery option offers.</summary>
    public static readonly IReadOnlyList<TikTokWireShippingProvider> Providers =
    [
        new("6617675021119438849", "USPS"),
        new("6617675021119438850", "UPS"),
        new("6617675021119438851", "FedEx"),
        new("6617675021119438852", "DHL eCommerce"),
    ];

    private static readonly HashSet<string> Statuses =
        ["UNPAID", "ON_HOLD", "AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION", "IN_TRANSIT", "DELIVERED", "COMPLETED", "CANCELLED"];

    private static readonly HashSet<string> Shippable = ["AWAITING_SHIPMENT", "PARTIALLY_SHIPPING", "AWAITING_COLLECTION"];

    public async Task<IResult> SearchAsync(HttpContext http)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var q = http.Request.Query;
        var sortField = q["sort_field"].ToString() is { Length: > 0 } f ? f : "create_time";
        var sortOrder = q["sort_order"].ToString() is { Length: > 0 } o ? o : "DESC";
        if (!TikTokShopSandboxPaging.TryParseSize(http, out var size) || sortField is not ("create_time" or "update_time") || sortOrder is not ("ASC" or "DESC"))
        {
            return TikTokShopSandboxResults.BadParameter("page_size (1..100), sort_field (create_time|update_time) and sort_order (ASC|DESC) are invalid.");
        }

        var problem = "";
        var filter = call.Body.Length == 0 ? new TikTokWireOrderSearch() : TikTokShopSandboxResults.Read<TikTokWireOrderSearch>(call.Body, out problem);
        if (filter is null)
        {
            return TikTokShopSandboxResults.Unreadable("an order search", problem);
        }

        if (filter.OrderStatus is not null && !Statuses.Contains(filter.OrderStatus))
        {
            return TikTokShopSandboxResults.BadParameter($"order_status {filter.OrderStatus} is not one of {string.Join(", ", Statuses)}.");
        }

        Func<TikTokWireOrder, long> sortKey = sortField == "update_time" ? x => x.UpdateTime : x => x.CreateTime;
        var descending = sortOrder == "DESC";
        if (sortField == "update_time" && filter.OrderStatus is null && filter.CreateTimeGe is null && filter.CreateTimeLt is null)
        {
            return await SearchByUpdateTimeAsync(call.Shop.Id, filter, descending, q["page_token"], size, http.RequestAborted);
        }

        var matching = (await ShopOrdersAsync(call.Shop.Id, http.RequestAborted))
            .Where(x => filter.OrderStatus is null || x.Status == filter.OrderStatus)
            .Where(x => filter.CreateTimeGe is not { } cge || x.CreateTime >= cge)
            .Where(x => filter.CreateTimeLt is not { } clt || x.CreateTime < clt)
            .Where(x => filter.UpdateTimeGe is not { } uge || x.UpdateTime >= uge)
            .Where(x => filter.UpdateTimeLt is not { } ult || x.UpdateTime < ult);
        var sorted = (descending
            ? matching.OrderByDescending(sortKey).ThenByDescending(x => x.Id, StringComparer.Ordinal)
            : matching.OrderBy(sortKey).ThenBy(x => x.Id, StringComparer.Ordinal)).ToList();
        if (TikTokShopSandboxPaging.Take(sorted, x => (sortKey(x), x.Id), descending, q["page_token"], size) is not { } page)
        {
            return TikTokShopSandboxResults.BadParameter("page_token is invalid.");
        }

        return TikTokShopSandboxResults.Ok(new TikTokWireOrderPage(page.Page, page.NextToken, sorted.Count));
    }

    /// <summary>
    /// The importer's query (changed since, by update time) read as one indexed range of the store, whose sort key is
    /// the update time: a page costs the same with ten orders or a hundred thousand.
    /// </summary>
    private async Task<IResult> SearchByUpdateTimeAsync(string shopId, TikTokWireOrderSearch filter, bool descending, string? token, int size, CancellationToken ct)
    {
        if (!TikTokShopSandboxPaging.TryPosition(token, out var after))
        {
            return TikTokShopSandboxResults.BadParameter("page_token is invalid.");
        }

        var range = new DocumentRange(filter.UpdateTimeGe ?? long.MinValue, filter.UpdateTimeLt is { } lt ? lt - 1 : long.MaxValue, shopId);
        var fetched = (await store.ListAsync<SandboxOrder>("orders", range, after, size + 1, descending, ct))
            .Where(o => o.ShopId == shopId).Select(o => o.Order).ToList();
        var (page, next) = TikTokShopSandboxPaging.FromKeyset(fetched, x => (x.UpdateTime, x.Id), size);
        var total = await store.CountAsync("orders", range, ct);
        return TikTokShopSandboxResults.Ok(new TikTokWireOrderPage(page, next, total));
    }

    public async Task<IResult> DetailAsync(HttpContext http)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var ids = http.Request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (ids.Length is 0 or > 50)
        {
            return TikTokShopSandboxResults.BadParameter("ids must list 1 to 50 order ids.");
        }

        var orders = new List<TikTokWireOrder>();
        foreach (var id in ids)
        {
            if (await FindAsync(call, id, http.RequestAborted) is { } found)
            {
                orders.Add(found.Order);
            }
        }

        return TikTokShopSandboxResults.Ok(new TikTokWireOrders(orders));
    }

    public async Task<IResult> MarkShippedAsync(HttpContext http, string orderId)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokWireMarkShipped>(call.Body, out var problem);
        if (body is null)
        {
            return TikTokShopSandboxResults.Unreadable("a shipment", problem);
        }

        if (string.IsNullOrWhiteSpace(body.TrackingNumber) || Providers.All(p => p.Id != body.ShippingProviderId))
        {
            return TikTokShopSandboxResults.BadParameter("tracking_number and a known shipping_provider_id are required.");
        }

        return await store.SerializedAsync(async () =>
        {
            if (await FindAsync(call, orderId, http.RequestAborted) is not { } found)
            {
                return OrderNotFound(orderId);
            }

            var lines = found.Order.LineItems;
            var chosen = body.OrderLineItemIds is { Count: > 0 } ids ? ids : [.. lines.Select(l => l.Id)];
            if (chosen.Any(id => lines.All(l => l.Id != id)))
            {
                return TikTokShopSandboxResults.BadParameter("order_line_item_ids holds a line that is not in this order.");
            }

            if (!Shippable.Contains(found.Order.Status) || lines.Any(l => chosen.Contains(l.Id) && l.TrackingNumber is not null))
            {
                return TikTokShopSandboxResults.Error(400, SandboxCodes.OrderStateInvalid, $"Order {orderId} is {found.Order.Status}; these lines cannot be shipped.");
            }

            var packageId = found.Order.Packages.FirstOrDefault()?.Id ?? TikTokShopSandboxStore.NumericId(19);
            var order = Ship(found.Order, chosen, packageId, body.TrackingNumber!, body.ShippingProviderId!, call.Now);
            await SaveAsync(found with { Order = order }, http.RequestAborted);
            return TikTokShopSandboxResults.Ok(new TikTokWireMarkedShipped(orderId, packageId));
        }, http.RequestAborted);
    }

    public async Task<IResult> ShipPackageAsync(HttpContext http, string packageId)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokWireShipPackage>(call.Body, out var problem);
        if (body is null)
        {
            return TikTokShopSandboxResults.Unreadable("a package shipment", problem);
        }

        if (body.HandoverMethod is not ("PICKUP" or "DROP_OFF")
            || (body.SelfShipment is { } self && (string.IsNullOrWhiteSpace(self.TrackingNumber) || Providers.All(p => p.Id != self.ShippingProviderId))))
        {
            return TikTokShopSandboxResults.BadParameter("handover_method (PICKUP|DROP_OFF) and a valid self_shipment are required.");
        }

        return await store.SerializedAsync(async () =>
        {
            var found = (await store.AllAsync<SandboxOrder>("orders", http.RequestAborted))
                .FirstOrDefault(o => o.ShopId == call.Shop.Id && o.Order.Packages.Any(p => p.Id == packageId));
            if (found is null)
            {
                return TikTokShopSandboxResults.Error(404, SandboxCodes.OrderNotFound, $"Package {packageId} does not exist in this shop.");
            }

            if (!Shippable.Contains(found.Order.Status))
            {
                return TikTokShopSandboxResults.Error(400, SandboxCodes.OrderStateInvalid, $"The package's order is {found.Order.Status}.");
            }

            var lines = found.Order.LineItems.Where(l => l.PackageId == packageId || l.PackageId is null).Select(l => l.Id).ToList();
            var tracking = body.SelfShipment?.TrackingNumber ?? "TT" + TikTokShopSandboxStore.NumericId(12);
            var provider = body.SelfShipment?.ShippingProviderId ?? Providers[0].Id;
            await SaveAsync(found with { Order = Ship(found.Order, lines, packageId, tracking, provider, call.Now) }, http.RequestAborted);
            return TikTokShopSandboxResults.Ok(new TikTokWireEmpty());
        }, http.RequestAborted);
    }

    public async Task<IResult> UpdateShippingInfoAsync(HttpContext http, string orderId)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        if (call is null)
        {
            return error!;
        }

        var body = TikTokShopSandboxResults.Read<TikTokWireTracking>(call.Body, out var problem);
        if (body is null)
        {
            return TikTokShopSandboxResults.Unreadable("shipping info", problem);
        }

        if (string.IsNullOrWhiteSpace(body.TrackingNumber) || Providers.All(p => p.Id != body.ShippingProviderId))
        {
            return TikTokShopSandboxResults.BadParameter("tracking_number and a known shipping_provider_id are required.");
        }

        return await store.SerializedAsync(async () =>
        {
            if (await FindAsync(call, orderId, http.RequestAborted) is not { } found)
            {
                return OrderNotFound(orderId);
            }

            if (found.Order.TrackingNumber is null)
            {
                return TikTokShopSandboxResults.Error(400, SandboxCodes.OrderStateInvalid, $"Order {orderId} has not been shipped; nothing to correct.");
            }

            var provider = Providers.First(p => p.Id == body.ShippingProviderId);
            var order = found.Order with
            {
                TrackingNumber = body.TrackingNumber,
                ShippingProvider = provider.Name,
                ShippingProviderId = provider.Id,
                UpdateTime = call.Now,
                LineItems = [.. found.Order.LineItems.Select(l => l.TrackingNumber is null ? l
                    : l with { TrackingNumber = body.TrackingNumber, ShippingProviderId = provider.Id, ShippingProviderName = provider.Name })],
            };
            await SaveAsync(found with { Order = order }, http.RequestAborted);
            return TikTokShopSandboxResults.Ok(new TikTokWireEmpty());
        }, http.RequestAborted);
    }

    public async Task<IResult> ShippingProvidersAsync(HttpContext http, string deliveryOptionId)
    {
        var (call, error) = await gate.EnterAsync(http, SandboxScope.Shop);
        return call is null ? error! : TikTokShopSandboxResults.Ok(new TikTokWireShippingProviders(Providers));
    }

    public async Task<IReadOnlyList<TikTokWireOrder>> ShopOrdersAsync(string shopId, CancellationToken ct) =>
        [.. (await store.AllAsync<SandboxOrder>("orders", ct)).Where(o => o.ShopId == shopId).Select(o => o.Order)];

    public Task SaveAsync(SandboxOrder order, CancellationToken ct) =>
        store.PutAsync("orders", order.Order.Id, order, order.Order.UpdateTime, ct);

    public Task SaveManyAsync(IEnumerable<SandboxOrder> orders, CancellationToken ct) =>
        store.PutManyAsync("orders", orders.Select(o => (o.Order.Id, o, o.Order.UpdateTime)), ct);

    private static TikTokWireOrder Ship(TikTokWireOrder order, IReadOnlyList<string> lineIds, string packageId, string tracking, string providerId, long now)
    {
        var provider = Providers.First(p => p.Id == providerId);
        var lines = order.LineItems.Select(l => lineIds.Contains(l.Id)
            ? l with { TrackingNumber = tracking, ShippingProviderId = provider.Id, ShippingProviderName = provider.Name, PackageId = packageId, DisplayStatus = "IN_TRANSIT" }
            : l).ToList();
        return order with
        {
            Status = lines.All(l => l.TrackingNumber is not null) ? "IN_TRANSIT" : "PARTIALLY_SHIPPING",
            TrackingNumber = tracking,
            ShippingProvider = provider.Name,
            ShippingProviderId = provider.Id,
            LineItems = lines,
            Packages = order.Packages.Any(p => p.Id == packageId) ? order.Packages : [.. order.Packages, new TikTokWirePackageRef(packageId)],
            UpdateTime = now,
        };
    }

    private async Task<SandboxOrder?> FindAsync(SandboxCall call, string orderId, CancellationToken ct) =>
        await store.GetAsync<SandboxOrder>("orders", orderId, ct) is { } o && o.ShopId == call.Shop.Id ? o : null;

    private static IResult OrderNotFound(string orderId) =>
        TikTokShopSandboxResults.Error(404, SandboxCodes.OrderNotFound, $"Order {orderId} does not exist in this shop.");
}
