using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Webcare.Realtime.Core.Demo;
using Webcare.Realtime.Core.Model;
using Webcare.Realtime.Grains;
using Webcare.Realtime.Grains.Webcare;

namespace Webcare.Realtime.Ingestion.Demo;

public static class DemoFeedRegistration
{
    /// <summary>
    /// Starts the demo feed when <c>Demo:Enabled</c> is true (the default), and gives it its topics when
    /// none are configured, so the embedded default is alive without any set-up.
    /// </summary>
    public static IServiceCollection AddDemoFeed(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Demo");
        services.Configure<DemoFeedSettings>(section);
        if (!section.GetValue("Enabled", true)) return services;
        services.PostConfigure<TopicOptions>(o =>
        {
            if (o.Topics.Count == 0) o.Topics = [.. DemoFeed.DefaultTopics];
        });
        // The demo organisations answer as their own accounts: the webcare queue, clocks and metrics move.
        var tenant = section.GetValue("Tenant", TenantKey.DefaultTenant)!;
        services.PostConfigure<WebcareOptions>(o =>
        {
            if (!o.OwnAccounts.ContainsKey(tenant)) o.OwnAccounts[tenant] = [.. DemoFeed.OwnAccounts];
        });
        services.AddHostedService<DemoFeedService>();
        return services;
    }
}
