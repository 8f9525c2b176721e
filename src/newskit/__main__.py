"""``python -m newskit`` runs the command line."""

from .cli import main

main()
