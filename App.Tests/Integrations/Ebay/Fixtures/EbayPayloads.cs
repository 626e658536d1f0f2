namespace SellerPortal.Tests.Integrations.Ebay.Fixtures;

/// <summary>Fulfillment API answers in their real shapes (camelCase, string amounts, ISO times with milliseconds); values invented.</summary>
public static class EbayPayloads
{
    /// <summary>A paid order with two units on one line, a cancelled one, and one still awaiting payment with the optional blocks left out.</summary>
    public const string GetOrders = """
        {
          "href": "https://api.ebay.com/sell/fulfillment/v1/order?filter=lastmodifieddate:%5B2026-11-20T00:00:00.000Z..%5D&limit=50&offset=0",
          "total": 3,
          "limit": 50,
          "offset": 0,
          "orders": [
            {
              "orderId": "14-01234-56789",
              "legacyOrderId": "225400112233-2345678901",
              "creationDate": "2026-11-20T14:05:33.000Z",
              "lastModifiedDate": "2026-11-20T14:07:02.000Z",
              "orderFulfillmentStatus": "NOT_STARTED",
              "orderPaymentStatus": "PAID",
              "sellerId": "partsdepot",
              "buyer": { "username": "gearhead_77", "buyerRegistrationAddress": { "fullName": "Sam Lee", "email": "sam@example.com" } },
              "pricingSummary": { "priceSubtotal": { "value": "179.00", "currency": "USD" }, "deliveryCost": { "value": "7.95", "currency": "USD" }, "total": { "value": "186.95", "currency": "USD" } },
              "cancelStatus": { "cancelState": "NONE_REQUESTED", "cancelRequests": [] },
              "fulfillmentStartInstructions": [
                { "fulfillmentInstructionsType": "SHIP_TO", "ebaySupportedFulfillment": false,
                  "shippingStep": { "shipTo": { "fullName": "Sam Lee", "contactAddress": { "addressLine1": "77 Oak Ave", "addressLine2": "Unit 4", "city": "Austin", "stateOrProvince": "TX", "postalCode": "78701", "countryCode": "US" }, "primaryPhone": { "phoneNumber": "5125550100" } }, "shippingCarrierCode": "USPS", "shippingServiceCode": "USPSPriority" } }
              ],
              "lineItems": [
                { "lineItemId": "10052213999012", "legacyItemId": "225400112233", "sku": "ROTOR-F150-PAIR", "title": "Front Rotors fits 2009-2014 Ford F-150", "quantity": 2,
                  "lineItemCost": { "value": "179.00", "currency": "USD" }, "lineItemFulfillmentStatus": "NOT_STARTED", "soldFormat": "FIXED_PRICE", "listingMarketplaceId": "EBAY_US" }
              ]
            },
            {
              "orderId": "14-99999-00001",
              "creationDate": "2026-11-19T10:00:00.000Z",
              "lastModifiedDate": "2026-11-20T09:00:00.000Z",
              "orderFulfillmentStatus": "NOT_STARTED",
              "orderPaymentStatus": "FULLY_REFUNDED",
              "buyer": { "username": "j***r" },
              "pricingSummary": { "total": { "value": "12.50", "currency": "GBP" } },
              "cancelStatus": { "cancelState": "CANCELED", "cancelRequests": [] },
              "lineItems": []
            },
            {
              "orderId": "14-55555-00002",
              "creationDate": "2026-11-20T11:00:00.000Z",
              "lastModifiedDate": "2026-11-20T11:00:00.000Z",
              "orderFulfillmentStatus": "NOT_STARTED",
              "orderPaymentStatus": "PENDING",
              "lineItems": [ { "lineItemId": "10052213999099", "legacyItemId": "225400119999", "quantity": 1, "lineItemCost": { "value": "5.00", "currency": "USD" } } ]
            }
          ]
        }
        """;
}
