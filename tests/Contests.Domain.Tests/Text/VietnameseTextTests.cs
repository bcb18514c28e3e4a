using System.Text;
using Contests.Domain.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Contests.Domain.Tests.Text;

public sealed class VietnameseTextTests
{
    private static readonly string[] Names = ["Nguyễn Văn An", "Trần Thị Bình", "Đặng Quốc Đạt", "Lê Thu Hà", "Phạm Ngọc Ánh", "Hoàng Yến Nhi"];

    /// <summary>Vietnamese-looking strings: names, their NFD forms, case changes and stray spaces.</summary>
    private static Arbitrary<string> VietnameseNames() =>
        (from name in Gen.Elements(Names)
         from decompose in Gen.Elements(true, false)
         from upper in Gen.Elements(true, false)
         from padding in Gen.Elements("", " ", "  ", "\t")
         let cased = upper ? name.ToUpperInvariant() : name
         select padding + (decompose ? cased.Normalize(NormalizationForm.FormD) : cased) + padding).ToArbitrary();

    [Fact]
    public void clean_makes_nfc_and_single_spaces()
    {
        var typedWithNfd = "  Nguyễn   Văn\tAn ".Normalize(NormalizationForm.FormD);
        Assert.Equal("Nguyễn Văn An", VietnameseText.Clean(typedWithNfd));
        Assert.True(VietnameseText.Clean(typedWithNfd).IsNormalized(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "nguyen van an")]
    [InlineData("ĐẶNG QUỐC ĐẠT", "dang quoc dat")]
    [InlineData("Hiệp Hòa", "hiep hoa")]
    public void fold_removes_case_tones_and_the_stroke_of_d(string text, string folded) =>
        Assert.Equal(folded, VietnameseText.Fold(text));

    [Property]
    public Property fold_does_not_depend_on_the_unicode_form_or_case() =>
        Prop.ForAll(VietnameseNames(), name =>
            VietnameseText.Fold(name) == VietnameseText.Fold(name.Normalize(NormalizationForm.FormC).ToLowerInvariant()));

    [Property]
    public bool fold_is_idempotent(NonNull<string> text) =>
        VietnameseText.Fold(VietnameseText.Fold(text.Get)) == VietnameseText.Fold(text.Get);

    [Property]
    public bool clean_is_idempotent(NonNull<string> text) =>
        VietnameseText.Clean(VietnameseText.Clean(text.Get)) == VietnameseText.Clean(text.Get);

    [Property]
    public Property same_name_holds_between_any_two_spellings_of_one_name() =>
        Prop.ForAll(Gen.Elements(Names).ToArbitrary(), name =>
            VietnameseText.SameName(name, "  " + name.ToUpperInvariant().Normalize(NormalizationForm.FormD)));

    [Fact]
    public void collation_puts_d_with_stroke_after_d_and_tones_after_their_base_letter()
    {
        string[] names = ["Đào", "Dung", "Ánh", "Anh", "Bình"];
        Assert.Equal(["Anh", "Ánh", "Bình", "Dung", "Đào"], names.Order(VietnameseText.Collation));
    }
}
