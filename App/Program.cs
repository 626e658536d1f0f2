using SellerPortal;
using SellerPortal.Benchmarks;
using SellerPortal.Data;

// `bench bulk-price|grid|oversell|import …`: measure the portal in-process instead of serving it (README, Benchmarks).
if (BenchmarkCommand.IsRequested(args))
{
    return await BenchmarkCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSellerPortal();

var app = builder.Build();

await app.MigrateDatabaseAsync();
app.MapSellerPortal();
await app.RunAsync();
return 0;

/// <summary>The entry point; public so integration tests can host the app.</summary>
public partial class Program;
