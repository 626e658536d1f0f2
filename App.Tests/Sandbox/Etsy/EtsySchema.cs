using System.Text.Json;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Sandbox.Etsy;

/// <summary>
/// Holds an answer of the emulator to a schema of Etsy's OpenAPI excerpt (etsy_openapi_excerpt.json), read in place:
/// every member the emulator writes is a property of the schema with the schema's JSON type (null only where the
/// schema says nullable), objects and arrays of objects checked against their own schemas.
/// </summary>
internal static class EtsySchema
{
    public const string File = "etsy_openapi_excerpt.json";

    public static void AssertConforms(string schemaName, JsonElement answer)
    {
        using var spec = JsonDocument.Parse(OfficialExamples.Read(File)!);
        var schemas = spec.RootElement.GetProperty("schemas");
        Check(schemas, schemas.GetProperty(schemaName), answer, schemaName);
    }

    /// <summary>The names of a schema's properties, for tests that say which the emulator writes.</summary>
    public static IReadOnlyList<string> Properties(string schemaName)
    {
        using var spec = JsonDocument.Parse(OfficialExamples.Read(File)!);
        return [.. spec.RootElement.GetProperty("schemas").GetProperty(schemaName).GetProperty("properties").EnumerateObject().Select(p => p.Name)];
    }

    private static void Check(JsonElement schemas, JsonElement schema, JsonElement value, string path)
    {
        schema = Resolve(schemas, schema);
        var properties = schema.GetProperty("properties");
        Assert.Equal(JsonValueKind.Object, value.ValueKind);
        foreach (var member in value.EnumerateObject())
        {
            Assert.True(properties.TryGetProperty(member.Name, out var property), $"{path}.{member.Name} is not in Etsy's schema.");
            CheckValue(schemas, property, member.Value, $"{path}.{member.Name}");
        }
    }

    private static void CheckValue(JsonElement schemas, JsonElement property, JsonElement value, string path)
    {
        property = Resolve(schemas, property);
        if (value.ValueKind == JsonValueKind.Null)
        {
            Assert.True(property.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean(), $"{path} is null; Etsy's schema does not allow it.");
            return;
        }

        var type = property.TryGetProperty("type", out var t) ? t.GetString() : "object";
        switch (type)
        {
            case "integer":
                Assert.True(value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _), $"{path} is {value.ValueKind}; Etsy's schema has an integer.");
                break;
            case "number":
                Assert.True(value.ValueKind == JsonValueKind.Number, $"{path} is {value.ValueKind}; Etsy's schema has a number.");
                break;
            case "string":
                Assert.True(value.ValueKind == JsonValueKind.String, $"{path} is {value.ValueKind}; Etsy's schema has a string.");
                if (property.TryGetProperty("enum", out var values))
                {
                    Assert.Contains(value.GetString(), values.EnumerateArray().Select(v => v.GetString()));
                }

                break;
            case "boolean":
                Assert.True(value.ValueKind is JsonValueKind.True or JsonValueKind.False, $"{path} is {value.ValueKind}; Etsy's schema has a boolean.");
                break;
            case "array":
                Assert.True(value.ValueKind == JsonValueKind.Array, $"{path} is {value.ValueKind}; Etsy's schema has an array.");
                var items = property.GetProperty("items");
                foreach (var (item, i) in value.EnumerateArray().Select((v, i) => (v, i)))
                {
                    CheckValue(schemas, items, item, $"{path}[{i}]");
                }

                break;
            default:
                if (property.TryGetProperty("properties", out _))
                {
                    Check(schemas, property, value, path);
                }

                break;
        }
    }

    /// <summary>Follows <c>$ref</c> and a single-element <c>allOf</c> to the schema they name.</summary>
    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1)
        {
            var nullable = schema.TryGetProperty("nullable", out var n) && n.GetBoolean();
            var resolved = Resolve(schemas, all[0]);
            return nullable ? WithNullable(resolved) : resolved;
        }

        // A schema the excerpt does not carry (ShopRefund, ListingPropertyValue) cannot be checked member by member.
        return schema.TryGetProperty("$ref", out var reference)
            ? schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target) ? Resolve(schemas, target) : Unknown
            : schema;
    }

    private static readonly JsonElement Unknown = JsonDocument.Parse("{}").RootElement.Clone();

    private static JsonElement WithNullable(JsonElement schema)
    {
        var copy = System.Text.Json.Nodes.JsonNode.Parse(schema.GetRawText())!.AsObject();
        copy["nullable"] = true;
        return JsonDocument.Parse(copy.ToJsonString()).RootElement.Clone();
    }
}
