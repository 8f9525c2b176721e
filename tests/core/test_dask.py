"""The Dask engine on a real two-worker LocalCluster: the results equal a serial run's."""

from __future__ import annotations

import gzip
import json
import os
import pickle
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from tests.archives import warc

import newskit
from newskit import MissingDependencyError, batch
from newskit.cli import cli
from newskit.store import Store

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")
pytest.importorskip("fastwarc")
pytest.importorskip("warcio.warcwriter")

import newskit.dask as nd  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SPEC = batch.PipelineSpec(config={"thresholds": {"populism": 0.05}})


def _page(title: str) -> bytes:
    text = " ".join(f"{title}: the council voted to reopen the harbour bridge." for _ in range(12))
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p><p>{text}</p></article></body></html>".encode()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Good inputs and each kind of bad one, one file each."""
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copy(ROOT / "examples" / "atlas-mali.txt", folder / "a-dump.txt")
    shutil.copy(ROOT / "tests" / "fixtures" / "news-page.html", folder / "b-page.html")
    crawl, _ = warc([
        ("https://w.example/1", _page("Harbour"), ()),
        ("https://w.example/broken", b"\x1f\x8b\x08\x00not gzip", (("Content-Encoding", "gzip"),)),
        ("https://w.example/2", _page("Bridge"), ()),
    ])  # fmt: skip
    (folder / "c-crawl.warc.gz").write_bytes(crawl)
    whole, offsets = warc([(f"https://t.example/{n}", _page(f"Story {n}"), ()) for n in range(3)])
    cut = offsets[2] + (len(whole) - offsets[2]) // 2
    (folder / "d-cut.warc.gz").write_bytes(whole[:cut])
    (folder / "e-corrupt.html.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"garbage" * 40)
    (folder / "f-corrupt.warc.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"garbage" * 40)
    (folder / "g-binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (folder / "h-page.html.gz").write_bytes(gzip.compress(_page("Zipped")))
    return folder


@pytest.fixture(scope="module")
def serial(corpus: Path) -> list[newskit.Article]:
    pm = newskit.get_plugin_manager()
    return list(batch.run([corpus], pipeline=SPEC.build(pm), plugins=pm))


@pytest.fixture(scope="module")
def client():
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_the_serial_run_has_articles_and_an_error_record_for_each_bad_input(serial):
    by_id = {a.id: a for a in serial}
    messages = {a.id: a.errors[0].message for a in serial if a.failed}
    assert [a.title for a in serial if a.url and "w.example" in a.url and not a.failed] == [
        "Harbour",
        "Bridge",
    ]
    broken = next(a for a in serial if a.url == "https://w.example/broken")
    assert broken.failed and "broken gzip payload" in broken.errors[0].message
    assert any("d-cut.warc.gz offset" in m and "cut in a record" in m for m in messages.values())
    assert "not a valid gzip file" in messages["e-corrupt"]
    assert any("f-corrupt.warc.gz" in m for m in messages.values())
    assert "binary data" in messages["g-binary"]
    assert by_id["h-page"].title == "Zipped" and not by_id["a-dump"].failed


def test_run_on_a_cluster_equals_the_serial_run(client, corpus, serial):
    found = list(nd.run([corpus, corpus / "no-such-*.html"], spec=SPEC, scheduler=client))
    assert found[:-1] == serial  # error records included, in input order
    assert [a.to_dict() for a in found[:-1]] == [a.to_dict() for a in serial]
    assert found[-1].failed and "no file matches" in found[-1].errors[0].message
    assert found[0].category("populism").label is True  # the spec reached the workers


def test_write_streams_each_file_to_its_own_output_on_the_workers(client, corpus, serial, tmp_path):
    out = tmp_path / "out"
    written = nd.write([corpus], out, spec=SPEC, scheduler=client)
    inputs = sorted(p.name for p in corpus.iterdir())
    assert [os.path.basename(w.input) for w in written] == inputs  # one per input, in order
    assert sorted(os.listdir(out)) == [os.path.basename(w.output) for w in written]
    assert [n.split("-", 1)[1] for n in sorted(os.listdir(out))] == [f"{i}.jsonl" for i in inputs]
    back = [a for w in written for a in _read_back(w.output)]
    assert [a.to_dict() for a in back] == [a.to_dict() for a in serial]
    assert sum(w.articles for w in written) == sum(not a.failed for a in serial)
    assert sum(w.failed for w in written) == sum(a.failed for a in serial)


def _read_back(path: str) -> list[newskit.Article]:
    with open(path, encoding="utf-8") as lines:
        return [newskit.Article.from_dict(json.loads(line)) for line in lines if line.strip()]


def test_write_refuses_an_unknown_format(corpus, tmp_path):
    with pytest.raises(newskit.ConfigError, match="no output format 'yaml'"):
        nd.write([corpus], tmp_path / "out", format="yaml", scheduler="tcp://127.0.0.1:1")


def test_analyze_bag_has_one_partition_per_file_and_articles_pickle(client, corpus, serial):
    bag = nd.analyze_bag([corpus], spec=SPEC)
    assert bag.npartitions == len(list(corpus.iterdir())) == 8
    parts = bag.map_partitions(lambda articles: [len(articles)]).compute()
    assert sum(parts) == len(serial)
    assert parts[2] == 3  # the whole WARC is one partition: two pages and a broken record
    assert bag.compute() == serial
    assert pickle.loads(pickle.dumps(serial)) == serial


def test_cli_on_the_cluster_writes_what_one_local_process_writes(client, corpus):
    runner = CliRunner()
    address = client.scheduler.address
    local = runner.invoke(cli, ["analyze", str(corpus), "--jobs", "1"])
    remote = runner.invoke(
        cli, ["analyze", str(corpus), "--engine", "dask", "--scheduler", address]
    )
    assert local.exit_code == remote.exit_code == 1  # the bad inputs failed
    assert remote.stdout == local.stdout
    assert [json.loads(line)["id"] for line in remote.stdout.splitlines()][:2] == [
        "a-dump",
        "b-page",
    ]
    assert remote.stderr == local.stderr  # each error reported, in the same order
    assert "error: " in remote.stderr and "d-cut.warc.gz offset" in remote.stderr


def test_cli_store_on_the_cluster_equals_a_local_store_and_resumes(client, corpus, tmp_path):
    runner = CliRunner()
    address = client.scheduler.address
    local_db, remote_db = tmp_path / "local.db", tmp_path / "remote.db"
    runner.invoke(cli, ["analyze", str(corpus), "--store", str(local_db), "--jobs", "1"])
    args = ["analyze", str(corpus), "--store", str(remote_db), "--engine", "dask"]
    first = runner.invoke(cli, [*args, "--scheduler", address])
    assert first.exit_code == 1, first.output
    with Store(local_db) as one, Store(remote_db) as other:
        assert list(other.articles()) == list(one.articles())
        assert other.counts() == one.counts()
        assert other.counts()["inputs"] == 8
    again = runner.invoke(cli, [*args, "--scheduler", address])
    # An input that could not be loaded (the corrupt .html.gz) has no hash: it is retried.
    assert "0 articles, 1 failed; 7 inputs already stored" in again.stderr


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch, corpus, tmp_path):
    monkeypatch.setattr(nd, "CONNECT_TIMEOUT", 0.5)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"  # nothing listens there
    runner = CliRunner()
    for extra in ([], ["--store", str(tmp_path / "s.db")]):
        result = runner.invoke(
            cli, ["analyze", str(corpus), "--engine", "dask", "--scheduler", address, *extra]
        )
        assert result.exit_code == 1
        assert f"{address}: no Dask scheduler answers" in result.output
        assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--scheduler", "tcp://h:8786"], "add --engine dask"),
        (["--engine", "dask", "--jobs", "2"], "--jobs is for --engine local"),
        (["--engine", "dask", "--url", "https://x.example/a"], "--engine dask reads files"),
    ],
)
def test_engine_usage_errors(corpus, args, message):
    result = CliRunner().invoke(cli, ["analyze", str(corpus / "a-dump.txt"), *args])
    assert result.exit_code == 2 and message in result.output


def test_without_dask_the_error_names_the_extra(monkeypatch, corpus):
    from newskit import _optional

    real = _optional.importlib.import_module

    def fake(name: str, *args: object) -> object:
        if name.split(".")[0] in ("dask", "distributed"):
            raise ImportError(name)
        return real(name, *args)

    monkeypatch.setattr(_optional.importlib, "import_module", fake)
    with pytest.raises(MissingDependencyError, match=r"newskit\[dask\]"):
        nd.analyze_bag([corpus])
    result = CliRunner().invoke(cli, ["analyze", str(corpus), "--engine", "dask"])
    assert result.exit_code == 2 and "pip install 'newskit[dask]'" in result.output


def test_importing_newskit_does_not_import_dask():
    code = "import sys, newskit, newskit.cli, newskit.dask; print('dask' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
