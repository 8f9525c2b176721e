"""What the hand-run benchmarks share: finding the data, and reading a dataset once."""

from __future__ import annotations

import gzip
import sys
from collections.abc import Callable
from pathlib import Path

import newskit
import newskit.evaluate

#: (id, url, decoded text) of one page or dump.
Item = tuple[str, "str | None", str]


def find_data(given: Path | None) -> Path:
    """The data directory from ``--data``, ``$NEWSKIT_DATA`` or ``../shared/data``."""
    try:
        return newskit.evaluate.find_data(given)
    except newskit.InputError as exc:
        sys.exit(f"error: {exc}")


def load_dataset(
    directory: Path, dataset: str, decode: Callable[[bytes, str], str]
) -> tuple[list[Item], int]:
    """Every item in a dataset's ground truth, decompressed and decoded with ``decode``,
    and their total length in characters; exits with a message when there are none."""
    try:
        files = list(newskit.evaluate.dataset_files(directory, dataset))
    except newskit.InputError as exc:
        sys.exit(f"error: {exc}; is --data right?")
    items, total = [], 0
    missing = [id for id, path, _ in files if path is None]
    for id, path, record in files:
        if path is None:
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        text = decode(data, path.name)
        items.append((id, record.get("url"), text))
        total += len(text)
    if missing:
        print(f"warning: {len(missing)} truth items have no file, e.g. {missing[0]}")
    if not items:
        sys.exit(f"error: nothing to read in {directory}")
    return items, total
