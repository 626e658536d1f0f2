namespace SellerPortal.Features.Admin.Health;

/// <summary>Ordered from best to worst, so the worst of several parts is their maximum.</summary>
public enum CheckStatus
{
    Healthy,
    Degraded,
    Error,
}

public sealed record CheckOutcome(CheckStatus Status, string Detail)
{
    public static CheckOutcome Healthy(string detail) => new(CheckStatus.Healthy, detail);

    public static CheckOutcome Degraded(string detail) => new(CheckStatus.Degraded, detail);

    public static CheckOutcome Error(string detail) => new(CheckStatus.Error, detail);
}

/// <summary>One line of the admin health page.</summary>
public sealed record HealthCheckRow(string Key, string Name, CheckStatus Status, string Detail, TimeSpan Elapsed)
{
    public string StatusText => Status switch
    {
        CheckStatus.Healthy => "HEALTHY",
        CheckStatus.Degraded => "DEGRADED",
        _ => "ERROR",
    };
}

/// <summary>A named check, run by <see cref="AdminHealthChecks"/> under its own time limit.</summary>
public sealed record HealthProbe(string Key, string Name, Func<CancellationToken, Task<CheckOutcome>> RunAsync);
