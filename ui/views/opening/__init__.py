"""Getting to an open database: first-run choices, create, unlock, demo."""
