using System.Globalization;
using System.Net;
using System.Net.Mail;
using Contests.Api.Infrastructure;
using Hangfire;
using Marten;

namespace Contests.Api.Notifications;

/// <summary>
/// The "Contests:Mail" configuration section. With no SMTP host, e-mails are written as .eml files to the outbox
/// folder, so a machine without a mail server (make run, tests) still shows exactly what would have been sent.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Contests:Mail";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool EnableSsl { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "Contests <no-reply@contests.invalid>";

    /// <summary>Relative paths are under the application's content root.</summary>
    public string Outbox { get; set; } = Path.Combine("App_Data", "outbox");
}

/// <summary>Puts the e-mail of each notification that has an address on Hangfire's queue, after the notifications were saved.</summary>
public sealed class NotificationEmails(IBackgroundJobClient jobs, ILogger<NotificationEmails> logger)
{
    /// <summary>
    /// Never throws: a request has already done its work when it gets here, and a queue that cannot be reached must not
    /// turn that into a failure. The notification stays in the app either way.
    /// </summary>
    public void Enqueue(string organisation, IEnumerable<NotificationPosted> notifications)
    {
        foreach (var notification in notifications.Where(posted => posted.Email is not null))
        {
            try
            {
                var id = notification.NotificationId;
                jobs.Enqueue<NotificationEmailJob>(job => job.Send(organisation, id));
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not queue the e-mail of notification {Notification}", notification.NotificationId);
            }
        }
    }
}

/// <summary>
/// Sends one notification's e-mail; Hangfire retries it when SMTP fails. Running it again after success sends nothing.
/// </summary>
public sealed class NotificationEmailJob(IDocumentStore store, MailOptions options, IHostEnvironment environment, TimeProvider clock)
{
    [AutomaticRetry(Attempts = 8)]
    [JobDisplayName("{0}: e-mail of notification {1}")]
    public async Task Send(string organisation, Guid notificationId)
    {
        await using var session = store.LightweightSession(organisation);
        var stream = await session.Events.FetchForWriting<Notification>(notificationId);
        if (stream.Aggregate is not { Email: { } address } notification || notification.EmailedAt is not null)
        {
            return;
        }

        using var message = Compose(notification, address);
        using var smtp = Client();
        await smtp.SendMailAsync(message);
        stream.AppendOne(new NotificationEmailed(notificationId, address, options.SmtpHost is null ? "outbox" : "smtp", clock.GetUtcNow()));
        await session.SaveChangesAsync();
    }

    /// <summary>Vietnamese first, English second, in one message: the reader's language is not known here.</summary>
    private MailMessage Compose(Notification notification, string address)
    {
        var vietnamese = InLanguage("vi-VN", notification.Message);
        var english = InLanguage("en", notification.Message);
        var subject = InLanguage("vi-VN", () => Texts.Get("notifications-email-subject"));
        return new MailMessage(new MailAddress(options.From), new MailAddress(address))
        {
            Subject = $"{subject}: {Shorten(vietnamese)}",
            Body = $"{vietnamese}\n\n— — —\n\n{english}\n",
            BodyEncoding = System.Text.Encoding.UTF8,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
    }

    private SmtpClient Client()
    {
        if (options.SmtpHost is { } host)
        {
            return new SmtpClient(host, options.SmtpPort)
            {
                EnableSsl = options.EnableSsl,
                Credentials = options.UserName is null ? null : new NetworkCredential(options.UserName, options.Password),
            };
        }

        var outbox = OutboxFolder(options, environment);
        Directory.CreateDirectory(outbox);
        return new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = outbox };
    }

    private static string OutboxFolder(MailOptions options, IHostEnvironment environment) =>
        Path.GetFullPath(options.Outbox, environment.ContentRootPath);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "…";

    private static string InLanguage(string culture, Func<string> render)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return render();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
