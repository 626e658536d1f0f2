using System.Reflection;

namespace SellerPortal.Tests.Sandbox;

/// <summary>
/// The Amazon emulator is an independent witness of SP-API's wire format (issue 20): no type of namespace
/// SellerPortal.Sandbox.Amazon refers to a type of SellerPortal.Integrations.Amazon, in its fields, properties, method
/// signatures, base types, interfaces or generic arguments; nor does its source text name that namespace.
/// </summary>
public sealed class AmazonSandboxIndependenceTests
{
    private const string Forbidden = "SellerPortal.Integrations.Amazon";

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

    [Fact]
    public void NoAmazonSandboxType_RefersToAnAmazonIntegrationsType()
    {
        var sandbox = typeof(SellerPortal.Sandbox.Amazon.AmazonSandboxOptions).Assembly.GetTypes()
            .Where(t => t.Namespace == "SellerPortal.Sandbox.Amazon" || (t.Namespace?.StartsWith("SellerPortal.Sandbox.Amazon.", StringComparison.Ordinal) ?? false))
            .ToList();

        var offending = sandbox
            .SelectMany(t => Referenced(t).Where(r => r.Namespace?.StartsWith(Forbidden, StringComparison.Ordinal) == true).Select(r => $"{t.FullName} -> {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.NotEmpty(sandbox);
        Assert.Contains(sandbox, t => t.Name.Contains('<', StringComparison.Ordinal)); // compiler-generated types are scanned too
        Assert.Contains(sandbox, t => t.Name == "AmazonWireConfirmShipment");
        Assert.Empty(offending);
    }

    [Fact]
    public void TheAmazonSandboxSources_NameNoIntegrationsNamespace()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SellerPortal.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var folder = Path.Combine(dir.FullName, "App", "Sandbox", "Amazon");
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.Empty(files.Where(f => File.ReadAllText(f).Contains("Integrations", StringComparison.Ordinal)).Select(Path.GetFileName));
    }
}
