using Contests.Domain.Text;

namespace Contests.Domain.Tests.Text;

public sealed class ContactRulesTests
{
    [Theory]
    [InlineData("0912345678")]
    [InlineData("0912 345 678")]
    [InlineData("091.234.5678")]
    [InlineData("091-234-5678")]
    public void a_ten_digit_number_with_a_leading_zero_is_valid_however_it_is_spaced(string phone) =>
        Assert.True(ContactRules.IsValidPhone(phone));

    [Theory]
    [InlineData("912345678")]
    [InlineData("09123456789")]
    [InlineData("1912345678")]
    [InlineData("09123x5678")]
    [InlineData("+84912345678")]
    [InlineData("")]
    public void anything_else_is_not_a_phone_number(string phone) =>
        Assert.False(ContactRules.IsValidPhone(phone));

    [Theory]
    [InlineData("ha.le@thcs.edu.vn", true)]
    [InlineData("ha.le@", false)]
    [InlineData("no at sign", false)]
    [InlineData("a@b", false)]
    public void emails_need_a_local_part_and_a_dotted_domain(string email, bool valid) =>
        Assert.Equal(valid, ContactRules.IsValidEmail(email));
}
