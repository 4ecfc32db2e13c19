// Display preferences stay on each screen (the projector keeps its high-contrast mode).
window.phochau = {
    getPref: (key) => window.localStorage.getItem("phochau." + key),
    setPref: (key, value) => window.localStorage.setItem("phochau." + key, value),
    focus: (id) => { const el = document.getElementById(id); if (el) el.focus(); },
    // Downloads a generated file; the page shows progress until it has arrived.
    download: async (url, fileName) => {
        const response = await fetch(url, { credentials: "same-origin" });
        if (!response.ok) throw new Error("HTTP " + response.status);
        window.phochau.saveBlob(await response.blob(), fileName);
    },
    // Saves a file the circuit made in memory (a receipt with the PIN just issued: it cannot be fetched again).
    saveStream: async (fileName, contentType, streamRef) =>
        window.phochau.saveBlob(new Blob([await streamRef.arrayBuffer()], { type: contentType }), fileName),
    // Hands a file to the browser's downloads.
    saveBlob: (blob, fileName) => {
        const link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    },
    // Single-key shortcuts of the hall consoles; ignored while typing in a field.
    shortcuts: (dotnet) => {
        const handler = (e) => {
            const t = e.target;
            if (e.ctrlKey || e.altKey || e.metaKey || (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable))) return;
            dotnet.invokeMethodAsync("OnShortcut", e.key.toUpperCase());
        };
        document.addEventListener("keydown", handler);
        return { dispose: () => document.removeEventListener("keydown", handler) };
    },
};
