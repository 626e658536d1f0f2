namespace SellerPortal.Components.Account;

/// <summary>
/// Tells open circuits that a user's session has ended (disabled, deleted, password reset by an Admin), so an open
/// tab signs out at once instead of at the next revalidation.
/// </summary>
public sealed class StaffSessions
{
    public event Action<string>? Ended;

    public void End(string userId) => Ended?.Invoke(userId);
}
