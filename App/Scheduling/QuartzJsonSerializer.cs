using System.Collections.Specialized;
using System.Text.Json;
using Quartz.Spi;

namespace SellerPortal.Scheduling;

/// <summary>
/// Quartz's job store needs a serializer for job data. .NET 9+ removed BinaryFormatter, and the Quartz 3 JSON
/// packages are not served here, so this stores the string-only job data maps (<c>UseProperties</c>) as JSON.
/// Job data stays strings by design: jobs read ids from the map and call a feature service.
/// </summary>
public sealed class QuartzJsonSerializer : IObjectSerializer
{
    public void Initialize()
    {
    }

    public byte[] Serialize<T>(T obj) where T : class => obj switch
    {
        NameValueCollection nvc => JsonSerializer.SerializeToUtf8Bytes(
            nvc.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => nvc[k])),
        IDictionary<string, object> map => JsonSerializer.SerializeToUtf8Bytes(
            map.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString())),
        _ => throw new NotSupportedException(
            $"Quartz job data of type {typeof(T).Name} is not stored; keep job data to strings."),
    };

    public T? DeSerialize<T>(byte[] obj) where T : class
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string?>>(obj) ?? [];
        if (typeof(T) == typeof(NameValueCollection))
        {
            var nvc = new NameValueCollection();
            foreach (var (key, value) in values)
            {
                nvc.Add(key, value);
            }

            return (T)(object)nvc;
        }

        if (typeof(T).IsAssignableFrom(typeof(Quartz.JobDataMap)))
        {
            var map = new Quartz.JobDataMap();
            foreach (var (key, value) in values)
            {
                map[key] = value!;
            }

            return (T)(object)map;
        }

        throw new NotSupportedException($"Quartz job data of type {typeof(T).Name} is not stored.");
    }
}
