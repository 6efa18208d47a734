"""One package per area of the main window, plus the opening dialogs."""
