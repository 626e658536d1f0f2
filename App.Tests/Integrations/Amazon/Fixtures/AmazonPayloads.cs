namespace SellerPortal.Tests.Integrations.Amazon.Fixtures;

/// <summary>SP-API answers in their real shapes (names, nesting, string amounts, ISO times); values invented.</summary>
public static class AmazonPayloads
{
    /// <summary>An unshipped order with restricted data present, and a cancelled one without total, address or buyer.</summary>
    public const string GetOrders = """
        {
          "payload": {
            "Orders": [
              {
                "AmazonOrderId": "113-2233445-5566778",
                "PurchaseDate": "2026-11-20T18:24:51Z",
                "LastUpdateDate": "2026-11-20T19:02:10Z",
                "OrderStatus": "Unshipped",
                "FulfillmentChannel": "MFN",
                "SalesChannel": "Amazon.com",
                "OrderTotal": { "CurrencyCode": "USD", "Amount": "71.97" },
                "NumberOfItemsShipped": 0,
                "NumberOfItemsUnshipped": 3,
                "MarketplaceId": "ATVPDKIKX0DER",
                "IsPrime": false,
                "EarliestShipDate": "2026-11-21T08:00:00Z",
                "LatestShipDate": "2026-11-23T07:59:59Z",
                "ShippingAddress": { "Name": "Robin Park", "AddressLine1": "1 Pine St", "City": "Portland", "StateOrRegion": "OR", "PostalCode": "97204", "CountryCode": "US" },
                "BuyerInfo": { "BuyerEmail": "robin@marketplace.amazon.com" }
              },
              {
                "AmazonOrderId": "113-9988776-6554433",
                "PurchaseDate": "2026-11-19T09:11:00+01:00",
                "LastUpdateDate": "2026-11-20T22:40:00Z",
                "OrderStatus": "Canceled",
                "FulfillmentChannel": "MFN",
                "MarketplaceId": "A1PA6795UKMFR9",
                "NumberOfItemsShipped": 0,
                "NumberOfItemsUnshipped": 0,
                "IsPrime": true
              }
            ],
            "NextToken": "MRgZW55IGNhcm5hbCBwbGVhc3VyZS4=",
            "LastUpdatedBefore": "2026-11-21T00:00:00Z"
          }
        }
        """;

    /// <summary>ItemPrice is the line's price: 3 × 23.99 = 71.97.</summary>
    public const string GetOrderItems = """
        {
          "payload": {
            "AmazonOrderId": "113-2233445-5566778",
            "OrderItems": [
              { "ASIN": "B0C1XYZ123", "SellerSKU": "BINDER-9P-BLK", "OrderItemId": "68828574383266", "Title": "Premium 9-Pocket Card Binder, Black",
                "QuantityOrdered": 3, "QuantityShipped": 0, "ItemPrice": { "CurrencyCode": "USD", "Amount": "71.97" }, "ItemTax": { "CurrencyCode": "USD", "Amount": "0.00" } },
              { "ASIN": "B0C1XYZ999", "SellerSKU": "FREEBIE-1", "OrderItemId": "68828574383267", "QuantityOrdered": 1 }
            ]
          }
        }
        """;

    public const string ProcessingReport = """
        {
          "header": { "sellerId": "A3SELLER", "version": "2.0", "feedId": "50012345678" },
          "issues": [
            { "messageId": 2, "sku": "SKU-B", "code": "99022", "severity": "ERROR", "message": "The value for 'purchasable_offer.our_price' must be greater than 0.", "attributeName": "purchasable_offer" },
            { "messageId": 3, "sku": "SKU-C", "code": "18448", "severity": "WARNING", "message": "Attributes tagged as relevant_attributes are incomplete." }
          ],
          "summary": { "errors": 1, "warnings": 1, "messagesProcessed": 3, "messagesAccepted": 2, "messagesInvalid": 1 }
        }
        """;
}
