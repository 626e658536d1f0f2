using System.Reflection;

namespace SellerPortal.Tests.Sandbox;

/// <summary>
/// Each emulator is an independent witness of its marketplace's wire format (issue 20): no type of namespace
/// SellerPortal.Sandbox.{Marketplace} refers to a type of SellerPortal.Integrations.{Marketplace}, in its fields,
/// properties, method signatures, base types, interfaces or generic arguments; nor does its source text name an
/// Integrations namespace. A new marketplace's emulator is held by one more line of data.
/// </summary>
public sealed class SandboxIndependenceTests
{
    public static TheoryData<string, string> Emulators => new()
    {
        { "Amazon", "AmazonWireConfirmShipment" },
        { "Ebay", "EbayWireInventoryItem" },
        { "TikTokShop", "TikTokWireProductWrite" },
    };

    private static IEnumerable<Type> Expand(Type? type)
    {
        if (type is null)
        {
            yield break;
        }

        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()))
            {
                yield return inner;
            }
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return inner;
            }
        }
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<Type?> { type.BaseType };
        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(all).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                direct.Add(info.ReturnType);
            }

            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method.IsGenericMethodDefinition)
            {
                direct.AddRange(method.GetGenericArguments().SelectMany(g => g.GetGenericParameterConstraints()));
            }
        }

        return direct.SelectMany(Expand);
    }

    [Theory]
    [MemberData(nameof(Emulators))]
    public void NoSandboxType_RefersToItsMarketplacesIntegrationsType(string marketplace, string wireRecord)
    {
        var ns = "SellerPortal.Sandbox." + marketplace;
        var forbidden = "SellerPortal.Integrations." + marketplace;
        var sandbox = typeof(SellerPortal.Sandbox.Common.SandboxFaults).Assembly.GetTypes()
            .Where(t => t.Namespace == ns || (t.Namespace?.StartsWith(ns + ".", StringComparison.Ordinal) ?? false))
            .ToList();

        var offending = sandbox
            .SelectMany(t => Referenced(t).Where(r => r.Namespace?.StartsWith(forbidden, StringComparison.Ordinal) == true).Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.Contains(sandbox, t => t.Name == wireRecord); // its own wire model is what is scanned
        Assert.Contains(sandbox, t => t.Name.Contains('<', StringComparison.Ordinal)); // compiler-generated types are scanned too
        Assert.Empty(offending);
    }

    [Theory]
    [MemberData(nameof(Emulators))]
    public void TheSandboxSources_NameNoIntegrationsNamespace(string marketplace, string wireRecord)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SellerPortal.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var files = Directory.GetFiles(Path.Combine(dir.FullName, "App", "Sandbox", marketplace), "*.cs", SearchOption.AllDirectories);
        Assert.Contains(files, f => File.ReadAllText(f).Contains("record " + wireRecord, StringComparison.Ordinal));
        Assert.Empty(files.Where(f => File.ReadAllText(f).Contains("Integrations", StringComparison.Ordinal)).Select(Path.GetFileName));
    }
}
