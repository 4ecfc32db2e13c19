namespace PhoChau.Core.AfterSession;

public enum NoticeState { Draft, Approved, Issued }
