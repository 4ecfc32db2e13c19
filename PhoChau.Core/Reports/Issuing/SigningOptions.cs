namespace PhoChau.Core.Reports.Issuing;

/// <summary>Configuration "Signing": the agency's certificate for the seal, the time-stamp server, the browser plugin.</summary>
public sealed class SigningOptions
{
    /// <summary>A PKCS#12 file (.pfx/.p12) holding the agency's certificate and key; relative to the data folder unless absolute.</summary>
    public string? SealPfxPath { get; set; }
    public string? SealPfxPassword { get; set; }
    /// <summary>Windows: the thumbprint of the certificate in the store (instead of a file).</summary>
    public string? SealThumbprint { get; set; }
    /// <summary>CurrentUser or LocalMachine (the store's location).</summary>
    public string SealStoreLocation { get; set; } = "LocalMachine";
    /// <summary>An RFC 3161 time-stamp server (optional; without an answer the document is signed without a time-stamp).</summary>
    public string? TimestampUrl { get; set; }
    /// <summary>The signing plugin's script, served by this portal or the plugin itself (e.g. the VGCA plugin's vgcaplugin.js).</summary>
    public string? PluginScriptUrl { get; set; }
    /// <summary>The address printed in the QR code of the public check (default: the address the page was opened at).</summary>
    public string? PublicUrl { get; set; }
    /// <summary>How long a plugin's ticket (fetch and return) lasts.</summary>
    public int PluginTicketMinutes { get; set; } = 30;
}
