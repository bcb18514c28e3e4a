using Microsoft.Playwright;

namespace Contests.Browser.Tests.Support;

/// <summary>The organiser's publication step as done in the console: open the contest's rounds, publish now, confirm.</summary>
public static class ConsolePublication
{
    /// <summary>Signs in to the organiser console and opens the contest (its name must be unique among the organisation's).</summary>
    public static async Task<IPage> OrganiserConsoleAsync(this BrowserFixture browser, string contestName)
    {
        var page = await browser.NewPageAsync(1366, 900);
        await page.GotoAsync("/organiser/");
        await page.GetByTestId("email").FillAsync(BrowserFixture.OrganiserEmail);
        await page.GetByTestId("password").FillAsync(BrowserFixture.OrganiserPassword);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.GetByText(contestName).First.ClickAsync();
        return page;
    }

    /// <summary>Publishes the round's results from its section of the rounds panel, screenshotting the control before, while asking and after.</summary>
    public static async Task PublishNowInConsoleAsync(this IPage console, string roundName, string screenshotName)
    {
        await console.GetByTestId("rounds-schedule-panel").Locator("summary").ClickAsync();
        var publication = console.Locator($"section.round-schedule[data-round='{roundName}'] [data-testid='publication']");
        await Assertions.Expect(publication.GetByTestId("publication-state")).ToContainTextAsync("Chưa công bố");
        await ScreenshotControlAsync(console, roundName, $"{screenshotName}-before");

        await publication.GetByTestId("publish-now").ClickAsync();
        await Assertions.Expect(publication.GetByTestId("publish-confirmation")).ToContainTextAsync($"Công bố kết quả {roundName} ngay bây giờ?");
        await ScreenshotControlAsync(console, roundName, $"{screenshotName}-confirm");
        await publication.GetByTestId("confirm-publish").ClickAsync();

        var published = console.Locator($"section.round-schedule[data-round='{roundName}'] [data-testid='publication'][data-published='true']");
        await Assertions.Expect(published.GetByTestId("publication-state")).ToContainTextAsync("Đã công bố từ");
        await Assertions.Expect(published.GetByTestId("publish-now")).ToHaveCountAsync(0);
        await Assertions.Expect(console.Locator($"section.round-schedule[data-round='{roundName}'] [data-testid='round-phase']")).ToHaveTextAsync("Đã công bố kết quả");
        await ScreenshotControlAsync(console, roundName, $"{screenshotName}-after");
    }

    /// <summary>The round's heading and publication control only: the whole console page is several screens tall.</summary>
    private static async Task ScreenshotControlAsync(IPage console, string roundName, string name)
    {
        var section = console.Locator($"section.round-schedule[data-round='{roundName}']");
        var publication = section.GetByTestId("publication");
        await section.EvaluateAsync("element => element.scrollIntoView({ block: 'start' })");
        var top = (await section.BoundingBoxAsync())!;
        var bottom = (await publication.BoundingBoxAsync())!;
        await console.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"),
            Clip = new Clip { X = top.X, Y = top.Y, Width = top.Width, Height = bottom.Y + bottom.Height - top.Y + 16 },
        });
    }
}
