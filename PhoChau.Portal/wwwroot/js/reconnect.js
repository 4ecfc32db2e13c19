// The hall's Wi-Fi drops and the portal laptop may restart: keep trying for ever, quickly at first.
// When the server answers but no longer knows this circuit (a restart), Blazor reloads the page,
// which then renders the current state from the database.
Blazor.start({
    circuit: {
        reconnectionOptions: {
            maxRetries: 100000,
            retryIntervalMilliseconds: (previousAttempts) => Math.min(500 + previousAttempts * 500, 5000),
        },
    },
});
