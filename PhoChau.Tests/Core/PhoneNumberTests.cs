using PhoChau.Core.Common;

namespace PhoChau.Tests.Core;

/// <summary>Issue 34.5: one phone rule for every feature, as a value.</summary>
public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0905123456", "0905123456", "84905123456")]
    [InlineData("0905 123 456", "0905123456", "84905123456")]
    [InlineData("0905.123.456", "0905123456", "84905123456")]
    [InlineData("+84 905-123-456", "0905123456", "84905123456")]
    [InlineData("(0236) 3 821 234", "02363821234", "842363821234")]
    public void A_number_as_people_write_it_is_kept_as_0_and_sent_as_84(string typed, string stored, string international)
    {
        Assert.True(PhoneNumber.TryParse(typed, out var phone));
        Assert.Equal((stored, international), (phone.Value, phone.International));
        Assert.Equal(stored, PhoneNumber.StoredOrNull(typed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("905123456")]
    [InlineData("09051234")]
    [InlineData("090512345678")]
    [InlineData("0905abc456")]
    public void Anything_else_is_not_a_phone_number(string typed)
    {
        Assert.False(PhoneNumber.IsValid(typed));
        Assert.False(PhoneNumber.TryParse(typed, out _));
    }

    [Fact]
    public void No_number_is_stored_as_none()
    {
        Assert.Null(PhoneNumber.StoredOrNull(null));
        Assert.Null(PhoneNumber.StoredOrNull(" "));
    }
}
