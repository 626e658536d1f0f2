using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using SellerPortal.Integrations.Shopify;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.Shopify;

/// <summary>
/// Every document the client sends is valid against the pinned schema subset (Admin API 2026-10), with GraphQL.NET's
/// own validator: a misspelled field, a wrong argument or a variable of the wrong type fails here.
/// </summary>
public sealed class ShopifyDocumentsTests
{
    private static readonly Lazy<ISchema> Schema = new(() =>
    {
        var sdl = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "App", "Sandbox", "Shopify", "Schema", "admin-2026-10.graphql"));
        var schema = GraphQL.Types.Schema.For(sdl);
        foreach (var name in new[] { "Money", "HTML", "URL", "UnsignedInt64" })
        {
            schema.RegisterType(new StringScalar(name));
        }

        schema.Initialize();
        return schema;
    });

    public static TheoryData<string> Documents() => [.. ShopifyDocuments.All.Keys];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task TheDocument_IsValidAgainstTheAdmin202610Schema(string name)
    {
        var errors = await ValidateAsync(ShopifyDocuments.All[name]);

        Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors.Select(e => e.Message))}");
    }

    [Fact]
    public async Task AMisspelledField_IsRefusedByTheSameCheck()
    {
        var errors = await ValidateAsync(ShopifyDocuments.TestConnection.Replace("myshopifyDomain", "myShopifyDomain", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Message.Contains("myShopifyDomain", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<ValidationError>> ValidateAsync(string document)
    {
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = Schema.Value,
            Document = Parser.Parse(document),
            Operation = Parser.Parse(document).Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().First(),
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
            Extensions = Inputs.Empty,
        });
        // The documents' shape only: variable values are what each call supplies, not checked here.
        return [.. result.Errors.OfType<ValidationError>().Where(e => e.GetType().Name != "InvalidVariableError")];
    }

    /// <summary>The schema's custom scalars (Shopify writes them as strings); validation needs only their names.</summary>
    private sealed class StringScalar : ScalarGraphType
    {
        public StringScalar(string name)
        {
            Name = name;
        }

        public override object? ParseLiteral(GraphQLParser.AST.GraphQLValue value) => value is GraphQLParser.AST.GraphQLStringValue s ? (string)s.Value : null;

        public override object? ParseValue(object? value) => value?.ToString();
    }
}
