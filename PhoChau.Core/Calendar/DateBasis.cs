namespace PhoChau.Core.Calendar;

/// <summary>Which calendar a holiday's day and month are in: dương lịch or âm lịch.</summary>
public enum DateBasis
{
    Solar,
    Lunar,
}
