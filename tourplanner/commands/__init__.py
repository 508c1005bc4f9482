"""CLI subcommands of each feature area; each module has `register(groups)`."""
