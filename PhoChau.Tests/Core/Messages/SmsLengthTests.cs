using PhoChau.Core.Messages;

namespace PhoChau.Tests.Core.Messages;

/// <summary>Issue 32.9: an SMS cut to its gateway's length keeps its stop link whole; the text before it is shortened.</summary>
public sealed class SmsLengthTests
{
    [Fact]
    public void A_long_SMS_is_shortened_before_its_stop_link_never_through_it()
    {
        const string stop = "https://phochau.gov.vn/tin-nhan/dung/123-AbCdEfGhIjKlMnOp?xa=PC";
        var body = "Kiến nghị KN-2026-031 của ông/bà đã được trả lời bằng văn bản; xem tại https://phochau.gov.vn/tra-cuu?ma=KN-2026-031&xa=PC, " +
                   "đánh giá tại https://phochau.gov.vn/danh-gia/123-AbCdEfGhIjKlMnOp?xa=PC. UBND xã Phổ Châu.\nNgừng nhận tin: " + stop;
        var options = new SmsOptions { MaxLength = 160, Unaccented = true };

        var text = SmsSender.TextFor(body, options);

        Assert.True(text.Length <= 160, $"{text.Length}: {text}");
        Assert.EndsWith("Ngung nhan tin: " + stop, text);
        Assert.Contains("...", text);
        Assert.StartsWith("Kien nghi KN-2026-031", text);
        // A short one is left as it is, on one line.
        Assert.Equal("Da tiep nhan. Ngung nhan tin: " + stop, SmsSender.TextFor("Đã tiếp nhận.\nNgừng nhận tin: " + stop, options));
    }
}
