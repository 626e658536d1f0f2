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

    /// <summary>Orders 2026-01-01 searchOrders: a partially shipped order with two items, and a cancelled one without proceeds.</summary>
    public const string SearchOrders = """
        {
          "orders": [
            {
              "orderId": "114-1112223-3334445",
              "createdTime": "2026-11-22T10:15:00Z",
              "lastUpdatedTime": "2026-11-22T12:40:31Z",
              "programs": ["PRIME"],
              "salesChannel": { "channelName": "AMAZON", "marketplaceId": "ATVPDKIKX0DER", "marketplaceName": "Amazon.com" },
              "recipient": {
                "deliveryAddress": { "name": "Kim Lee", "addressLine1": "9 Elm Rd", "city": "Austin", "stateOrRegion": "TX", "postalCode": "78701", "countryCode": "US", "addressType": "RESIDENTIAL" }
              },
              "proceeds": { "grandTotal": { "amount": "64.47", "currencyCode": "USD" } },
              "fulfillment": { "fulfillmentStatus": "PARTIALLY_SHIPPED", "fulfilledBy": "MERCHANT", "fulfillmentServiceLevel": "STANDARD" },
              "orderItems": [
                {
                  "orderItemId": "70011122233344",
                  "quantityOrdered": 2,
                  "product": { "asin": "B0TESTASIN1", "title": "Pour-over kettle", "sellerSku": "KETTLE-1L",
                    "condition": { "conditionType": "NEW" }, "price": { "unitPrice": { "amount": "24.99", "currencyCode": "USD" } } },
                  "fulfillment": { "quantityFulfilled": 1, "quantityUnfulfilled": 1 }
                },
                {
                  "orderItemId": "70011122233345",
                  "quantityOrdered": 1,
                  "product": { "asin": "B0TESTASIN2", "sellerSku": "FILTER-100", "price": { "unitPrice": { "amount": "14.49", "currencyCode": "USD" } } }
                }
              ]
            },
            {
              "orderId": "114-9990001-1112223",
              "createdTime": "2026-11-21T08:00:00+01:00",
              "lastUpdatedTime": "2026-11-21T09:30:00Z",
              "salesChannel": { "channelName": "AMAZON", "marketplaceId": "A1PA6795UKMFR9" },
              "fulfillment": { "fulfillmentStatus": "CANCELLED", "fulfilledBy": "MERCHANT" },
              "orderItems": []
            }
          ],
          "pagination": { "nextToken": "bmV4dC1wYWdl" },
          "lastUpdatedBefore": "2026-11-22T13:00:00Z"
        }
        """;
}
