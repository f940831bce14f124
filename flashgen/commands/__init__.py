"""Command-line subcommands, one module each, loaded lazily by flashgen.cli."""
