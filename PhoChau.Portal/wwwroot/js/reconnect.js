// The hall's Wi-Fi drops and the portal laptop may restart: keep trying for ever, quickly at first.
// A link that stalls without closing is noticed within 5 s: the server sends a keep-alive every 2 s
// (PortalApp), and the client gives up on a server it has not heard for 4 s, then reconnects.
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 100000,
            retryIntervalMilliseconds: (previousAttempts) => Math.min(500 + previousAttempts * 500, 5000),
        },
        configureSignalR: (builder) => {
            builder.withServerTimeout(4000).withKeepAliveInterval(2000);
        },
    },
});

// While the link is down the page says so (banner in the page's language) and its timers are marked stale;
// when the server no longer knows this screen (a restart), the page reloads and shows the saved state.
(() => {
    const banner = document.getElementById("components-reconnect-modal");
    if (!banner) return;
    const offline = (on) => document.documentElement.classList.toggle("phochau-offline", on);
    banner.addEventListener("components-reconnect-state-changed", (event) => {
        const state = event.detail.state;
        offline(state !== "hide");
        if (state === "rejected") location.reload();
        if (state === "failed") document.addEventListener("visibilitychange", retryWhenVisible);
    });
    const retry = async () => {
        document.removeEventListener("visibilitychange", retryWhenVisible);
        try {
            if (!(await Blazor.reconnect())) location.reload();
        } catch {
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    };
    const retryWhenVisible = () => { if (document.visibilityState === "visible") retry(); };
    document.getElementById("components-reconnect-button")?.addEventListener("click", retry);
    document.getElementById("components-resume-button")?.addEventListener("click", async () => {
        try { if (!(await Blazor.resumeCircuit())) location.reload(); } catch { location.reload(); }
    });
})();
