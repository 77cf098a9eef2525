"""Storage layer: the SQLite file, its versioned schema and every query. Only this layer writes SQL."""
