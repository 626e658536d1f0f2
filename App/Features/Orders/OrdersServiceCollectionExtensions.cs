using Quartz;
using SellerPortal.Features.Sync;
using SellerPortal.Scheduling;

namespace SellerPortal.Features.Orders;

public static class OrdersServiceCollectionExtensions
{
    /// <summary>Order import, shipment and mapping services, their sync handlers and the import scheduling job.</summary>
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
        var interval = builder.Configuration.GetSection(OrderImportOptions.SectionName).Get<OrderImportOptions>()?.ScheduleInterval
            ?? new OrderImportOptions().ScheduleInterval;
        builder.Services.AddScheduledJob<ScheduleOrderImportsJob>(ScheduleOrderImportsJob.Key,
            "Queues an order import for each connected account whose poll interval has passed",
            ScheduleOrderImportsJob.TriggerKey,
            t => t.StartNow().WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireHandlingInstructionNextWithRemainingCount()));
        return builder;
    }
}
