namespace PhoChau.Core.Speakers;

public enum SpeakerStatus { Waiting, Speaking, Done, Absent, Withdrawn }
