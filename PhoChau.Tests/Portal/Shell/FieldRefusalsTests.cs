using PhoChau.Core.Common;
using PhoChau.Core.Dialogues;
using PhoChau.Portal.Components.Shared;

namespace PhoChau.Tests.Portal.Shell;

/// <summary>Issue 33.7: a refusal is said under the field it names; what no field on the form shows stays beside the button.</summary>
public sealed class FieldRefusalsTests
{
    [Fact]
    public void A_field_on_the_form_says_its_refusal_until_its_value_changes_and_the_rest_is_the_forms_message()
    {
        var refusals = new FieldRefusals();
        Assert.Null(refusals.MessageFor("SessionDate", "18/04/2026")); // the form renders: its fields are known

        var rest = refusals.Take(new DomainException([
            new FieldRefusal("SessionDate", "Thứ Bảy."), new FieldRefusal("SessionDate", "Ngoài năm."),
            new FieldRefusal("Hidden", "Không có ô này trên trang."),
        ]));

        Assert.Equal("Không có ô này trên trang.", rest);
        Assert.Equal($"Thứ Bảy.{Environment.NewLine}Ngoài năm.", refusals.MessageFor("SessionDate", "18/04/2026"));
        Assert.Null(refusals.MessageFor("SessionDate", "21/04/2026"));   // another value: not refused
        Assert.NotNull(refusals.MessageFor("SessionDate", "18/04/2026")); // back to it: still refused
        Assert.Equal(new Dictionary<string, object> { ["Error"] = false, ["ErrorText"] = "" }, refusals.For("Venue", "Hội trường"));

        Assert.True(refusals.Clear());
        Assert.Null(refusals.MessageFor("SessionDate", "18/04/2026"));
        Assert.False(refusals.Clear());
    }

    [Fact]
    public void A_refusal_naming_no_field_is_the_forms_message_and_a_forms_fields_carry_its_name()
    {
        var refusals = new FieldRefusals();
        refusals.MessageFor("Notice.NumberAndSymbol", "12/TB-UBND");
        Assert.Equal("Đã hết hạn.", refusals.Take(new DomainException("Đã hết hạn.")));

        Assert.Null(refusals.Take(DomainException.ForField("NumberAndSymbol", "Số đã dùng."), form: "Notice"));
        Assert.Equal("Số đã dùng.", refusals.MessageFor("Notice.NumberAndSymbol", "12/TB-UBND"));
        Assert.Equal("Số đã dùng.", refusals.Take(DomainException.ForField("NumberAndSymbol", "Số đã dùng."), form: "Minutes"));
    }

    [Fact]
    public async Task The_validators_refusal_names_each_field_as_the_input_spells_it()
    {
        var input = new DialogueInput { Title = "", Year = 2026, SessionDate = new DateOnly(2026, 4, 18), Venue = "Hội trường" };

        var ex = await Assert.ThrowsAsync<DomainException>(() => new DialogueInputValidator().EnsureValidAsync(input));

        Assert.Contains(ex.Fields, f => f.Field == nameof(DialogueInput.Title));
        Assert.Contains(ex.Fields, f => f.Field == nameof(DialogueInput.SessionDate) && f.Message.Contains("thứ Bảy"));
        Assert.All(ex.Fields, f => Assert.Contains(f.Message, ex.Message)); // one message, one a line, for a toast
    }
}
