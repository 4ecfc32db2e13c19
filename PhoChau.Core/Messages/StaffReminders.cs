using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PhoChau.Core.Calendar;
using PhoChau.Core.Petitions;
using PhoChau.Core.Text;
using PhoChau.Core.Choices;

namespace PhoChau.Core.Messages;

/// <summary>
/// Chasing the departments (plan 4.3, "đôn đốc"), by e-mail to the accounts that have an address: each officer of the
/// lead department (its head included, with an officer's account) is reminded <see cref="MessagesOptions.ReminderWorkingDays"/>
/// working days before a petition's answer (before the session) or written reply (after it) is due, and on the first
/// working day it is overdue; the chairman, the vice-chairmen and the secretary get a digest of what is overdue, by
/// department. Counted on the commune's working-day calendar (holidays off, a made-up Saturday on); nothing on a day
/// off. Each message's key names the petition, the due date and the person: queued once, however often this runs.
/// </summary>
public sealed class StaffReminders(
    IDbContextFactory<PhoChauDbContext> dbFactory, CalendarService calendar, OutboxDelivery delivery, IOptionsMonitor<MessagesOptions> options, TimeProvider clock)
{
    /// <summary>Every commune's reminders and digests of today; how many messages were queued.</summary>
    public async Task<int> QueueTodayAsync(CancellationToken ct = default)
    {
        if (!delivery.Configured.Contains(MessageChannel.Email)) return 0;
        return await CommuneProfileService.EachCommuneAsync(dbFactory, commune => QueueCommuneAsync(commune, ct), ct);
    }

    private async Task<int> QueueCommuneAsync(int communeId, CancellationToken ct)
    {
        var cal = await calendar.GetCalendarAsync(ct);
        var today = VietnamTime.Today(clock);
        if (!cal.IsWorkingDay(today)) return 0;
        var o = options.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var open = await db.Petitions.AsNoTracking()
            .Where(p => (PetitionStateMachine.AwaitingAnswer.Contains(p.State) && p.AnswerDueDate != null)
                        || (p.State == PetitionState.NotSettled && p.ReplyDueDate != null && p.ReplySentOn == null))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Code, p.State, p.LeadDepartmentId, p.AnswerDueDate, p.ReplyDueDate })
            .ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var staff = await (from u in db.Users.AsNoTracking()
                           where u.CommuneId == communeId && u.IsActive && u.Email != null && u.Email != ""
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { u.Id, u.FullName, u.Email, u.DepartmentId, Role = r.Name }).ToListAsync(ct);
        var root = o.PublicUrl.TrimEnd('/');
        var queued = 0;
        var overdue = new List<(string Department, string Code, bool Reply, DateOnly Due)>();
        foreach (var p in open)
        {
            var reply = p.State == PetitionState.NotSettled;
            var due = (reply ? p.ReplyDueDate : p.AnswerDueDate)!.Value;
            var status = DueStatus.Of(cal, today, due);
            var department = p.LeadDepartmentId is { } d ? departments.GetValueOrDefault(d, "") : "";
            if (status.IsOverdue) overdue.Add((department.Length > 0 ? department : CoreText.Format(CoreText.Vietnamese, "Messages.NoDepartment"), p.Code, reply, due));
            MessageKind? kind = !status.IsOverdue && status.WorkingDaysLeft == o.ReminderWorkingDays ? (reply ? MessageKind.ReplyDueSoon : MessageKind.AnswerDueSoon)
                : status.IsOverdue && cal.NextWorkingDayOnOrAfter(due.AddDays(1)) == today ? (reply ? MessageKind.ReplyOverdue : MessageKind.AnswerOverdue)
                : null;
            if (kind is not { } k || p.LeadDepartmentId is null) continue;
            var what = CoreText.Format(CoreText.Vietnamese, reply ? "Messages.WhatReply" : "Messages.WhatAnswer");
            var soon = k is MessageKind.AnswerDueSoon or MessageKind.ReplyDueSoon;
            foreach (var u in staff.Where(u => u.Role == Roles.DepartmentOfficer && u.DepartmentId == p.LeadDepartmentId))
            {
                var subject = CoreText.Format(CoreText.Vietnamese, soon ? "Messages.DueSoonSubject" : "Messages.OverdueSubject", p.Code, VietnameseDates.Format(due));
                var body = CoreText.Format(CoreText.Vietnamese, soon ? "Messages.DueSoonBody" : "Messages.OverdueBody",
                    u.FullName, p.Code, department, what, VietnameseDates.Format(due), status.WorkingDaysLeft) + $"\n{root}/petitions/{p.Id}\n" + CoreText.Format(CoreText.Vietnamese, "Messages.Automatic");
                if (await Outbox.EnqueueAsync(db, new OutboxMessage
                    {
                        IdempotencyKey = $"remind:{k}:{p.Id}:{due:yyyyMMdd}:{u.Id}", Channel = MessageChannel.Email, Kind = k,
                        Recipient = u.Email!, Subject = subject, Body = body,
                    }, now, ct)) queued++;
            }
        }
        if (overdue.Count > 0)
        {
            var body = new StringBuilder();
            foreach (var group in overdue.GroupBy(x => x.Department).OrderByDescending(g => g.Count()).ThenBy(g => g.Key))
                body.Append(CultureInfo.InvariantCulture, $"- {group.Key}: {group.Count()} ({string.Join(", ", group.Select(x => $"{x.Code} {CoreText.Format(CoreText.Vietnamese, x.Reply ? "Messages.DigestReply" : "Messages.DigestAnswer", VietnameseDates.Format(x.Due))}"))})\n");
            foreach (var u in staff.Where(u => u.Role is Roles.Chairman or Roles.ViceChairman or Roles.Secretary))
            {
                if (await Outbox.EnqueueAsync(db, new OutboxMessage
                    {
                        IdempotencyKey = $"digest:{today:yyyyMMdd}:{u.Id}", Channel = MessageChannel.Email, Kind = MessageKind.DailyDigest, Recipient = u.Email!,
                        Subject = CoreText.Format(CoreText.Vietnamese, "Messages.DigestSubject", VietnameseDates.Format(today), overdue.Count),
                        Body = CoreText.Format(CoreText.Vietnamese, "Messages.DigestBody", u.FullName, overdue.Count) + "\n" + body + $"{root}/petitions?qua-han=1\n"
                               + CoreText.Format(CoreText.Vietnamese, "Messages.Automatic"),
                    }, now, ct)) queued++;
            }
        }
        await db.SaveChangesAsync(ct);
        return queued;
    }

}
