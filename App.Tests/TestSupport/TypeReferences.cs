using System.Reflection;

namespace SellerPortal.Tests.TestSupport;

/// <summary>
/// The types a type names in its signatures: base type, interfaces, fields, properties, method and constructor
/// parameters and returns, generic constraints, and the element and generic arguments inside each. What a scan over the
/// assembly needs to say which folder a type depends on (method bodies are not seen; the scans read the source for those).
/// </summary>
public static class TypeReferences
{
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

    public static IEnumerable<Type> Of(Type type)
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
}
