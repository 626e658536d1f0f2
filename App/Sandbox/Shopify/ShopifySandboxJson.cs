using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// The emulator's JSON: GraphQL answers through GraphQL.NET's own serializer, with errors as Shopify words them
/// (<c>message, locations, path, extensions{code, documentation?}</c>, no GraphQL.NET <c>codes</c> or <c>number</c>);
/// OAuth and webhook bodies through options of its own (their names are on the wire records).
/// </summary>
internal static class ShopifySandboxJson
{
    public static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.General);

    public static readonly GraphQLSerializer GraphQL = new(new ShopifyErrorInfoProvider());

    public const string RateLimitsDocumentation = "https://shopify.dev/api/usage/rate-limits";
}

/// <summary>An error's extensions as Shopify's: its code, and the documentation link or figures the error carries in Data.</summary>
internal sealed class ShopifyErrorInfoProvider : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        var extensions = new Dictionary<string, object?>();
        if (executionError.Code is { } code)
        {
            extensions["code"] = code;
        }

        foreach (System.Collections.DictionaryEntry entry in executionError.Data)
        {
            extensions[(string)entry.Key] = entry.Value;
        }

        return new ErrorInfo { Message = executionError.Message, Extensions = extensions.Count == 0 ? null : extensions };
    }
}
