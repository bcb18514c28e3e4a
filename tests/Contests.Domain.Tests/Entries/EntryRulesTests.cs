using System.Text;
using Contests.Domain.Entries;
using Contests.Domain.Registration;
using Contests.Domain.Rounds;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Entries;

public sealed class EntryRulesTests
{
    private static readonly EntryLimits Limits = new(10 * 1024 * 1024, 30 * 1024 * 1024, 10);

    private static readonly EntryForm Robocon = new(
        "Robot gắp bóng", "Robot hai tay gắp bóng vào rổ", null, ["https://www.youtube.com/watch?v=abc123"], null);

    [Fact]
    public void a_titled_entry_with_a_video_link_breaks_no_rule() =>
        Assert.Empty(EntryRules.Check(EntryRules.Normalise(Robocon), 0, Limits));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://video.example/robot.mp4")]
    [InlineData("youtube.com/watch?v=abc")]
    [InlineData("https://user:secret@video.example/robot")]
    [InlineData("https://localhost/robot")]
    public void links_that_are_not_plain_web_addresses_are_refused(string link)
    {
        var violations = EntryRules.Check(EntryRules.Normalise(Robocon with { VideoLinks = [link] }), 0, Limits);
        Assert.Equal([new RuleViolation("videoLinks[0]", "video-link-invalid")], violations);
    }

    [Fact]
    public void an_entry_needs_a_title_and_a_link_or_a_file_and_at_most_the_allowed_files()
    {
        var violations = EntryRules.Check(EntryRules.Normalise(Robocon with { Title = "  ", VideoLinks = [] }), 0, Limits);
        Assert.Equal([new RuleViolation("title", "required"), new RuleViolation("videoLinks", "entry-empty")], violations);

        Assert.Empty(EntryRules.Check(EntryRules.Normalise(Robocon with { VideoLinks = [] }), 1, Limits));
        Assert.Equal("too-many-files", Assert.Single(EntryRules.Check(EntryRules.Normalise(Robocon), 11, Limits)).Rule);
    }

    [Fact]
    public void normalising_keeps_nfc_text_drops_blank_links_and_lowers_kept_hashes()
    {
        var form = EntryRules.Normalise(Robocon with
        {
            Title = " Robot  gắp bóng ".Normalize(NormalizationForm.FormD),
            VideoLinks = [" https://video.example/a ", ""],
            KeepFiles = ["ABCDEF", "abcdef"],
        });

        Assert.Equal("Robot gắp bóng", form.Title);
        Assert.Equal(["https://video.example/a"], form.VideoLinks);
        Assert.Equal(["abcdef"], form.KeepFiles);
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\doi\\Thuyết minh.pdf", "Thuyết minh.pdf")]
    [InlineData("...", "tep")]
    [InlineData("ảnh\u0000robot.jpg", "ảnhrobot.jpg")]
    public void file_names_lose_their_folders_and_control_characters(string name, string cleaned) =>
        Assert.Equal(cleaned, EntryRules.CleanFileName(name));

    private static readonly RoundTimes Times = new(
        new DateTimeOffset(2024, 6, 15, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2024, 6, 30, 10, 0, 0, TimeSpan.Zero),
        TimeSpan.FromMinutes(15), null, null, []);

    [Fact]
    public void the_judged_version_is_the_last_revision_before_the_lock_flagged_late_when_it_came_in_the_grace_period()
    {
        RevisionStamp[] onTime = [new(1, Times.ClosesAt.AddDays(-2)), new(2, Times.ClosesAt.AddSeconds(-1))];
        Assert.Equal(new JudgedRevision(2, false), EntryRules.JudgedVersion(onTime, Times));

        RevisionStamp[] late = [.. onTime, new(3, Times.ClosesAt.AddMinutes(5))];
        Assert.Equal(new JudgedRevision(3, true), EntryRules.JudgedVersion(late, Times));

        RevisionStamp[] afterLock = [.. onTime, new(3, Times.LocksAt)];
        Assert.Equal(new JudgedRevision(2, false), EntryRules.JudgedVersion(afterLock, Times));

        Assert.Null(EntryRules.JudgedVersion([new(1, Times.LocksAt.AddDays(1))], Times));
        Assert.Null(EntryRules.JudgedVersion([], Times));
    }

    [Property]
    public Property the_judged_version_is_never_submitted_at_or_after_the_lock_and_no_later_revision_before_it_exists() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(-30_000, 30_000)).ToArbitrary(), offsets =>
        {
            var revisions = offsets.Select((minutes, index) => new RevisionStamp(index + 1, Times.ClosesAt.AddMinutes(minutes))).ToList();
            var judged = EntryRules.JudgedVersion(revisions, Times);
            var beforeLock = revisions.Where(revision => revision.SubmittedAt < Times.LocksAt).ToList();
            return judged is null
                ? beforeLock.Count == 0
                : beforeLock.Max(revision => revision.Number) == judged.Number &&
                  judged.Late == (revisions[judged.Number - 1].SubmittedAt >= Times.ClosesAt);
        });
}

public sealed class FileTypesTests
{
    [Fact]
    public void photos_pdf_and_mp4_are_recognised_by_their_first_bytes()
    {
        Assert.Equal(FileTypes.Jpeg, FileTypes.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46]));
        Assert.Equal(FileTypes.Png, FileTypes.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]));
        Assert.Equal(FileTypes.Pdf, FileTypes.Detect("%PDF-1.7\n"u8));
        Assert.Equal(FileTypes.Mp4, FileTypes.Detect([0, 0, 0, 0x20, .. "ftypisom"u8]));
    }

    [Fact]
    public void programs_scripts_and_html_are_not_accepted_whatever_they_are_called()
    {
        Assert.Null(FileTypes.Detect("MZ\u0090\0\u0003\0\0\0"u8));
        Assert.Null(FileTypes.Detect([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]));
        Assert.Null(FileTypes.Detect("#!/bin/sh\nrm -rf /"u8));
        Assert.Null(FileTypes.Detect("<html><script>"u8));
        Assert.Null(FileTypes.Detect([]));
    }

    [Fact]
    public void a_zip_is_an_office_document_only_with_content_types_and_its_main_part()
    {
        Assert.True(FileTypes.IsZip([0x50, 0x4B, 0x03, 0x04, 0x14, 0]));
        Assert.Equal(FileTypes.Docx, FileTypes.DetectOffice(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]));
        Assert.Equal(FileTypes.Xlsx, FileTypes.DetectOffice(["[Content_Types].xml", "xl/workbook.xml"]));
        Assert.Equal(FileTypes.Pptx, FileTypes.DetectOffice(["[Content_Types].xml", "ppt/presentation.xml"]));
        Assert.Null(FileTypes.DetectOffice(["word/document.xml"]));
        Assert.Null(FileTypes.DetectOffice(["[Content_Types].xml", "setup.exe"]));
    }
}
