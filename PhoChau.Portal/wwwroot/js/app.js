// Display preferences stay on each screen (the projector keeps its high-contrast mode).
window.phochau = {
    getPref: (key) => window.localStorage.getItem("phochau." + key),
    setPref: (key, value) => window.localStorage.setItem("phochau." + key, value),
    focus: (id) => { const el = document.getElementById(id); if (el) el.focus(); },
};
