namespace SellerPortal.Sandbox.Common;

/// <summary>
/// What a marketplace answers for a method a resource does not take: a 405 in its own error envelope, not ASP.NET's
/// empty answer. Each emulator lists its resources and the methods they take, and words the answer.
/// </summary>
public static class SandboxMethodNotAllowed
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH"];

    public static RouteGroupBuilder MapMethodNotAllowed(this RouteGroupBuilder group, IEnumerable<(string Pattern, string[] Allowed)> resources,
        Func<HttpContext, IReadOnlyList<string>, IResult> answer)
    {
        foreach (var (pattern, allowed) in resources)
        {
            group.MapMethods(pattern, Methods.Except(allowed), (HttpContext http) => answer(http, allowed));
        }

        return group;
    }
}
