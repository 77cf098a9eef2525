"""Domain layer: validation, references, dates, periods, statuses and the services the CLI calls."""
