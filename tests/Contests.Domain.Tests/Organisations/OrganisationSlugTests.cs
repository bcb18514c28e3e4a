using Contests.Domain.Organisations;

namespace Contests.Domain.Tests.Organisations;

public sealed class OrganisationSlugTests
{
    [Theory]
    [InlineData("bac-giang")]
    [InlineData("binh-duong")]
    [InlineData("can-tho-2025")]
    public void plain_lower_case_names_with_hyphens_are_slugs(string slug) =>
        Assert.Null(OrganisationSlug.Refusal(slug));

    [Theory]
    [InlineData("", "required")]
    [InlineData("Bắc Giang", "slug-format")]
    [InlineData("bac--giang", "slug-format")]
    [InlineData("-bac", "slug-format")]
    [InlineData("bac/../giang", "slug-format")]
    [InlineData("platform", "slug-reserved")]
    [InlineData("api", "slug-reserved")]
    public void anything_else_is_refused_with_its_rule(string slug, string rule) =>
        Assert.Equal(rule, OrganisationSlug.Refusal(slug));

    [Fact]
    public void a_slug_longer_than_forty_characters_is_too_long() =>
        Assert.Equal("too-long", OrganisationSlug.Refusal(new string('a', 41)));

    [Fact]
    public void slugs_are_compared_after_trimming_and_lower_casing() =>
        Assert.Equal("binh-thuan", OrganisationSlug.Normalise("  Binh-Thuan "));
}
