namespace PhoChau.Core.Petitions;

public enum AttachmentPurpose { Petition, Answer, Reply }
