"""Tests of the documentation: README.md and the pages under docs/."""
