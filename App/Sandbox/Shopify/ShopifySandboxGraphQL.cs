using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// <c>POST /admin/api/2026-10/graphql.json</c> of a shop: injected faults first, then the
/// <c>X-Shopify-Access-Token</c> (401 in Shopify's REST envelope), then the document's requested cost against the
/// shop's leaky bucket (THROTTLED with HTTP 200, MAX_COST_EXCEEDED past the single-query limit), then GraphQL.NET
/// validates and runs it against the 2026-10 schema. Every answer carries <c>extensions.cost</c>.
/// </summary>
internal static class ShopifySandboxGraphQL
{
    public const string InvalidToken = "[API] Invalid API key or access token (unrecognized login or wrong password)";

    public static void Map(RouteGroupBuilder shop) => shop.MapPost("/admin/api/{version}/graphql.json", RunAsync);

    private static async Task<IResult> RunAsync(string shop, string version, HttpContext http, ShopifySandboxShops shops, TimeProvider time,
        IOptions<ShopifySandboxOptions> options, SandboxFaults faults, ShopifySandboxWebhooks webhooks, IOptions<SandboxOptions> sandbox)
    {
        if (version != ShopifySandboxSchema.Version)
        {
            return Rest(404, "Not Found");
        }

        var answers = new SandboxFaultAnswers(_ => Rest(429, "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."),
            (_, _) => Rest(500, "Internal Server Error"));
        if (await SandboxFaultGate.PassAsync(http, ShopifySandboxServiceCollectionExtensions.Channel, answers) is { } fault)
        {
            return fault;
        }

        var now = time.GetUtcNow();
        var token = shops.Token(http.Request.Headers["X-Shopify-Access-Token"].ToString());
        if (token is null || token.Expires <= now || !token.Shop.Equals(shop, StringComparison.OrdinalIgnoreCase))
        {
            return Rest(401, InvalidToken);
        }

        JsonElement body;
        try
        {
            using var parsed = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            body = parsed.RootElement.Clone();
        }
        catch (JsonException)
        {
            return Results.Json(new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } }, statusCode: 400);
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("query", out var queryElement) || queryElement.ValueKind != JsonValueKind.String)
        {
            return Results.Json(new JsonObject { ["errors"] = new JsonObject { ["query"] = "Required parameter missing or invalid" } }, statusCode: 400);
        }

        var query = queryElement.GetString()!;
        JsonElement? variables = body.TryGetProperty("variables", out var v) && v.ValueKind == JsonValueKind.Object ? v : null;
        var operationName = body.TryGetProperty("operationName", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        var app = options.Value;
        int requested;
        var writes = false;
        try
        {
            var document = GraphQLParser.Parser.Parse(query);
            requested = ShopifySandboxCost.Requested(ShopifySandboxSchema.Instance, document, operationName, variables);
            writes = document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().Any(o => o.Operation == GraphQLParser.AST.OperationType.Mutation);
        }
        catch (GraphQLSyntaxErrorException)
        {
            requested = 0;
        }

        var bucket = shops.Bucket(token.Shop);
        var limited = faults.For(ShopifySandboxServiceCollectionExtensions.Channel).RateLimitsEnabled;
        if (requested > app.MaxSingleQueryCost)
        {
            var available = Peek(bucket, app, now);
            return Envelope(new JsonObject
            {
                ["message"] = $"Query cost is {requested}, which exceeds the single query max cost limit ({app.MaxSingleQueryCost}).",
                ["extensions"] = new JsonObject
                {
                    ["code"] = "MAX_COST_EXCEEDED", ["cost"] = requested, ["maxCost"] = app.MaxSingleQueryCost,
                    ["documentation"] = ShopifySandboxJson.RateLimitsDocumentation,
                },
            }, Cost(requested, null, available, app));
        }

        if (limited && !TryTake(bucket, app, now, requested, out var left))
        {
            return Envelope(new JsonObject
            {
                ["message"] = "Throttled",
                ["extensions"] = new JsonObject { ["code"] = "THROTTLED", ["documentation"] = ShopifySandboxJson.RateLimitsDocumentation },
            }, Cost(requested, null, left, app));
        }

        var domain = shops.Shop(token.Shop);
        var request = new ShopifyRequest { Shop = domain, App = app, Now = now, Services = http.RequestServices };
        string json;
        await domain.Gate.WaitAsync(http.RequestAborted);
        try
        {
            var result = await new DocumentExecuter().ExecuteAsync(o =>
            {
                o.Schema = ShopifySandboxSchema.Instance;
                o.Query = query;
                o.OperationName = operationName;
                o.Variables = variables is { } given ? ShopifySandboxJson.GraphQL.ReadNode<Inputs>(given) : Inputs.Empty;
                o.UserContext = request;
                o.RequestServices = http.RequestServices;
                o.CancellationToken = http.RequestAborted;
            });
            json = ShopifySandboxJson.GraphQL.Serialize(result);
            if (writes && result.Executed)
            {
                await shops.SaveAsync(domain, now, CancellationToken.None);
            }
        }
        finally
        {
            domain.Gate.Release();
        }

        var answer = JsonNode.Parse(json)!.AsObject();
        // A document refused before it ran (syntax, validation) has no data and costs nothing.
        var actual = answer["data"] is null ? 0 : requested;
        var after = limited ? Refund(bucket, app, requested - actual) : Peek(bucket, app, now);
        answer["extensions"] = new JsonObject { ["cost"] = Cost(requested, actual, after, app) };
        var portal = sandbox.Value.BaseUrl;
        foreach (var (topic, payload) in request.Webhooks)
        {
            _ = webhooks.DeliverAsync(portal, domain.Domain, topic, payload, send: true, CancellationToken.None);
        }

        return Results.Text(answer.ToJsonString(), "application/json");
    }

    private static IResult Envelope(JsonObject error, JsonObject cost) =>
        Results.Text(new JsonObject { ["errors"] = new JsonArray(error), ["extensions"] = new JsonObject { ["cost"] = cost } }.ToJsonString(), "application/json");

    private static JsonObject Cost(int requested, int? actual, double available, ShopifySandboxOptions app) => new()
    {
        ["requestedQueryCost"] = requested,
        ["actualQueryCost"] = actual,
        ["throttleStatus"] = new JsonObject
        {
            ["maximumAvailable"] = app.MaximumAvailable,
            ["currentlyAvailable"] = Math.Floor(available),
            ["restoreRate"] = app.RestoreRate,
        },
    };

    /// <summary>Shopify's REST-style error envelope, <c>{"errors":"…"}</c>, for what happens before GraphQL (auth, version).</summary>
    public static IResult Rest(int status, string message) => Results.Json(new JsonObject { ["errors"] = message }, statusCode: status);

    private static double Refill(ShopifyCostBucket bucket, ShopifySandboxOptions app, DateTimeOffset now)
    {
        var available = bucket.Available ?? app.MaximumAvailable;
        var elapsed = bucket.Available is null ? 0 : Math.Max(0, (now - bucket.Last).TotalSeconds);
        bucket.Available = Math.Min(app.MaximumAvailable, available + (elapsed * app.RestoreRate));
        bucket.Last = now;
        return bucket.Available.Value;
    }

    private static double Peek(ShopifyCostBucket bucket, ShopifySandboxOptions app, DateTimeOffset now)
    {
        lock (bucket.Gate)
        {
            return Refill(bucket, app, now);
        }
    }

    private static bool TryTake(ShopifyCostBucket bucket, ShopifySandboxOptions app, DateTimeOffset now, int cost, out double left)
    {
        lock (bucket.Gate)
        {
            left = Refill(bucket, app, now);
            if (cost > left)
            {
                return false;
            }

            bucket.Available = left -= cost;
            return true;
        }
    }

    private static double Refund(ShopifyCostBucket bucket, ShopifySandboxOptions app, int points)
    {
        lock (bucket.Gate)
        {
            bucket.Available = Math.Min(app.MaximumAvailable, (bucket.Available ?? app.MaximumAvailable) + points);
            return bucket.Available.Value;
        }
    }
}
