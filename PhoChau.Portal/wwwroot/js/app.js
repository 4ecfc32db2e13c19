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
    // What an operator types in a field marked data-draft="form:field" is kept in this browser until it is saved
    // (listener below): the page offers it back after a reload, a restart of the portal, or keys typed before it was live.
    loadDraft: (form) => window.localStorage.getItem("phochau.draft." + form),
    clearDraft: (form) => window.localStorage.removeItem("phochau.draft." + form),
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

// Kept as typed, from the first key, even before the page is interactive (the listener needs no circuit).
document.addEventListener("input", (e) => {
    const key = e.target?.dataset?.draft;
    if (!key) return;
    const [form, field] = key.split(":");
    const name = "phochau.draft." + form;
    const draft = JSON.parse(window.localStorage.getItem(name) || "{}");
    draft[field] = e.target.value;
    window.localStorage.setItem(name, JSON.stringify(draft));
}, true);
// In a multi-line field marked data-enter-adds, Enter adds (the page handles the key) and Shift+Enter starts a new line.
document.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey && e.target?.closest?.("[data-enter-adds]")) e.preventDefault();
}, true);

// The signing plugin of the chairman's token (the VGCA plugin's pattern): its script (Signing:PluginScriptUrl) gives
// vgca_sign_issued(json, callback); the plugin fetches FileName, signs with the token, posts the result to
// FileUploadHandler and calls back with {Status, Message}. Without the plugin this says so (Status -1).
window.phochau.signWithPlugin = (scriptUrl, prms) => new Promise((resolve) => {
    const call = () => {
        if (typeof window.vgca_sign_issued !== "function") { resolve(JSON.stringify({ Status: -1, Message: "" })); return; }
        window.vgca_sign_issued(JSON.stringify(prms), (result) => resolve(typeof result === "string" ? result : JSON.stringify(result)));
    };
    if (typeof window.vgca_sign_issued === "function" || !scriptUrl) { call(); return; }
    const s = document.createElement("script");
    s.src = scriptUrl;
    s.onload = call;
    s.onerror = call;
    document.head.appendChild(s);
});
// A file input kept out of sight behind its label (the public pages): the chosen file's name shown beside it.
document.addEventListener("change", (e) => {
    const target = e.target?.dataset?.fileName && document.getElementById(e.target.dataset.fileName);
    if (target && e.target.files?.length) target.textContent = e.target.files[0].name;
}, true);
