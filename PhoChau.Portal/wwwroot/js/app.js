// Display preferences stay on each screen (the projector keeps its high-contrast mode).
window.phochau = {
    getPref: (key) => window.localStorage.getItem("phochau." + key),
    setPref: (key, value) => window.localStorage.setItem("phochau." + key, value),
    focus: (id) => { const el = document.getElementById(id); if (el) el.focus(); },
    // Single-key shortcuts for the chair's console; ignored while typing in a field.
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
