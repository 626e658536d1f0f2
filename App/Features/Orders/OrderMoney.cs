using SellerPortal.Features.Catalog;

namespace SellerPortal.Features.Orders;

/// <summary>Formats minor units with their currency for the order pages.</summary>
public static class OrderMoney
{
    public static string Format(long minor, string currency) => new Money(minor, currency).ToString();
}
