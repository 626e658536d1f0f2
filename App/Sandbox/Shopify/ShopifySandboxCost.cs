using System.Globalization;
using System.Text.Json;
using GraphQL.Types;
using GraphQLParser.AST;

namespace SellerPortal.Sandbox.Shopify;

/// <summary>
/// A document's requested cost by Shopify's documented method, before it runs: a scalar or enum field costs 0, an
/// object 1 plus its fields, a connection 2 plus <c>first</c> (or <c>last</c>) times the cost of one node, a list with
/// a <c>first</c> that many elements, and each mutation field 10.
/// </summary>
internal static class ShopifySandboxCost
{
    public const int MutationCost = 10;

    public static int Requested(ISchema schema, GraphQLDocument document, string? operationName, JsonElement? variables)
    {
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>()
            .FirstOrDefault(o => operationName is null || o.Name?.StringValue == operationName);
        if (operation is null)
        {
            return 0;
        }

        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        if (operation.Operation == OperationType.Mutation)
        {
            return MutationCost * Fields(operation.SelectionSet, fragments).Count();
        }

        var walker = new Walker(fragments, variables);
        return walker.SelectionCost(operation.SelectionSet, schema.Query);
    }

    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        foreach (var selection in set?.Selections ?? [])
        {
            switch (selection)
            {
                case GraphQLField field:
                    yield return field;
                    break;
                case GraphQLInlineFragment inline:
                    foreach (var inner in Fields(inline.SelectionSet, fragments))
                    {
                        yield return inner;
                    }

                    break;
                case GraphQLFragmentSpread spread when fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    foreach (var inner in Fields(fragment.SelectionSet, fragments))
                    {
                        yield return inner;
                    }

                    break;
            }
        }
    }

    private sealed class Walker(Dictionary<string, GraphQLFragmentDefinition> fragments, JsonElement? variables)
    {
        private int depth;

        public int SelectionCost(GraphQLSelectionSet? set, IGraphType parent)
        {
            if (++depth > 50)
            {
                return 0;
            }

            var total = 0;
            foreach (var field in Fields(set, fragments))
            {
                total += FieldCost(field, parent);
            }

            depth--;
            return total;
        }

        private int FieldCost(GraphQLField field, IGraphType parent)
        {
            if (parent is not IComplexGraphType complex || complex.GetField(field.Name.StringValue) is not { } definition)
            {
                return 0;
            }

            var (named, isList) = Unwrap(definition.ResolvedType!);
            if (named is ScalarGraphType or EnumerationGraphType)
            {
                return 0;
            }

            var size = Size(field, "first") ?? Size(field, "last");
            if (named.Name.EndsWith("Connection", StringComparison.Ordinal) && named is IComplexGraphType connection)
            {
                var node = 0;
                foreach (var child in Fields(field.SelectionSet, fragments))
                {
                    var name = child.Name.StringValue;
                    if (name == "edges" && connection.GetField("edges") is { } edges)
                    {
                        var edgeType = Unwrap(edges.ResolvedType!).Named;
                        var nodeField = Fields(child.SelectionSet, fragments).FirstOrDefault(f => f.Name.StringValue == "node");
                        if (nodeField is not null && edgeType is IComplexGraphType edge && edge.GetField("node") is { } nodeDefinition)
                        {
                            node = Math.Max(node, 1 + SelectionCost(nodeField.SelectionSet, Unwrap(nodeDefinition.ResolvedType!).Named));
                        }
                    }
                    else if (name == "nodes" && connection.GetField("nodes") is { } nodes)
                    {
                        node = Math.Max(node, 1 + SelectionCost(child.SelectionSet, Unwrap(nodes.ResolvedType!).Named));
                    }
                }

                return 2 + ((size ?? 0) * node);
            }

            var one = 1 + SelectionCost(field.SelectionSet, named);
            return isList && size is { } count ? count * one : one;
        }

        private int? Size(GraphQLField field, string argument)
        {
            var value = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == argument)?.Value;
            return value switch
            {
                GraphQLIntValue literal => int.Parse(literal.Value.Span, CultureInfo.InvariantCulture),
                GraphQLVariable variable when variables is { ValueKind: JsonValueKind.Object } values
                    && values.TryGetProperty(variable.Name.StringValue, out var given) && given.TryGetInt32(out var number) => number,
                _ => null,
            };
        }

        private static (IGraphType Named, bool IsList) Unwrap(IGraphType type)
        {
            var isList = false;
            while (type is IProvideResolvedType wrapper)
            {
                isList |= type is ListGraphType;
                type = wrapper.ResolvedType!;
            }

            return (type, isList);
        }
    }
}
