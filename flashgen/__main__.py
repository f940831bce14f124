"""Run the command line as `python -m flashgen`."""

from flashgen.cli import main

main()
