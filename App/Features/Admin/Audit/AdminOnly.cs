namespace SellerPortal.Features.Admin.Audit;

/// <summary>An Admin action asked for by someone without the Admin role; its message is a sentence for the page.</summary>
public sealed class AdminRequiredException(string action) : UnauthorizedAccessException($"Only an Admin can {action}.");

/// <summary>The check every service of an Admin action makes before it changes anything.</summary>
public static class AdminOnly
{
    public static void Demand(Actor actor, string action)
    {
        if (!actor.IsAdmin)
        {
            throw new AdminRequiredException(action);
        }
    }
}
