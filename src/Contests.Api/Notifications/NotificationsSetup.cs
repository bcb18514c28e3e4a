using Marten;
using JasperFx.Events.Projections;

namespace Contests.Api.Notifications;

public static class NotificationsSetup
{
    public static void AddNotifications(this StoreOptions store)
    {
        store.Projections.Snapshot<Notification>(SnapshotLifecycle.Inline);
        store.Schema.For<Notification>().Index(notification => notification.RecipientId).Index(notification => notification.PostedAt);
    }

    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(MailOptions.Section).Get<MailOptions>() ?? new MailOptions());
        services.AddSingleton<NotificationEmails>();
        return services;
    }
}
