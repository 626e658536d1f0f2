using Quartz;
using SellerPortal.Features.Sync;

namespace SellerPortal.Features.Orders;

public static class OrdersServiceCollectionExtensions
{
    /// <summary>Order import, shipment and mapping services and their sync handlers. Needs AddSync() and AddInventory().</summary>
    public static IHostApplicationBuilder AddOrders(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrderImportOptions>()
            .BindConfiguration(OrderImportOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<OrderImporter>();
        builder.Services.AddSingleton<OrderImportScheduler>();
        builder.Services.AddSingleton<OrderShipping>();
        builder.Services.AddSingleton<SkuMappings>();
        builder.Services.AddSingleton<BuyerDataEraser>();
        builder.Services.AddSingleton<OrdersOverview>();
        builder.Services.AddSingleton<OrderDetails>();
        builder.Services.AddSingleton<ISyncJobHandler, ImportOrdersHandler>();
        builder.Services.AddSingleton<ISyncJobHandler, RefreshOrderHandler>();
        builder.Services.AddSingleton<ISyncJobHandler, PushShipmentHandler>();
        return builder;
    }

    public static IServiceCollectionQuartzConfigurator AddOrderJobs(this IServiceCollectionQuartzConfigurator q, TimeSpan interval)
    {
        q.AddJob<ScheduleOrderImportsJob>(j => j.WithIdentity(ScheduleOrderImportsJob.Key).StoreDurably()
            .WithDescription("Queues an order import for each connected account whose poll interval has passed"));
        q.AddTrigger(t => t.ForJob(ScheduleOrderImportsJob.Key).WithIdentity(ScheduleOrderImportsJob.TriggerKey)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount()));
        return q;
    }
}
