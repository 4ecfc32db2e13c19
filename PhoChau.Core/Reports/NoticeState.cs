namespace PhoChau.Core.Reports;

public enum NoticeState { Draft, Approved, Issued }
