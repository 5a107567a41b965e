"""Input files are found in folders and checked by suffix; output folders are not
written over unless asked."""

from __future__ import annotations

import pytest

from communique.batch.locations import Location, input_files, prepare_output
from communique.errors import BatchError


def test_a_folder_gives_its_jsonl_and_parquet_files_in_name_order(tmp_path):
    for name in ("b.jsonl", "a.parquet", "sub/c.jsonl.gz", "notes.txt", ".hidden.jsonl",
                 "_tmp/d.jsonl", "_SUCCESS"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("")
    files = input_files(Location.parse(str(tmp_path)))
    assert [(f.location.display.removeprefix(str(tmp_path)), f.format) for f in files] == [
        ("/a.parquet", "parquet"), ("/b.jsonl", "jsonl"), ("/sub/c.jsonl.gz", "jsonl")]


@pytest.mark.parametrize(("name", "code"), [
    ("missing.jsonl", "E014"), ("articles.csv", "E028"), ("empty-folder", "E028")])
def test_unusable_input_is_a_clear_error(tmp_path, name, code):
    (tmp_path / "articles.csv").write_text("id,text\n")
    (tmp_path / "empty-folder").mkdir()
    with pytest.raises(BatchError) as caught:
        input_files(Location.parse(str(tmp_path / name)))
    assert caught.value.code == code and name in caught.value.message


def test_an_unknown_filesystem_is_a_clear_error():
    with pytest.raises(BatchError) as caught:
        Location.parse("nosuchfs://bucket/corpus")
    assert caught.value.code == "E028" and "nosuchfs://bucket/corpus" in caught.value.message


def test_earlier_output_is_kept_unless_overwrite(tmp_path):
    out = Location.parse(str(tmp_path / "out"))
    prepare_output(out, overwrite=False)
    (tmp_path / "out" / "events" / "part-1.parquet").write_text("old")
    (tmp_path / "out" / "mine.txt").write_text("not batch output")
    with pytest.raises(BatchError) as caught:
        prepare_output(out, overwrite=False)
    assert caught.value.code == "E027" and "events" in caught.value.message
    prepare_output(out, overwrite=True)
    assert not (tmp_path / "out" / "events" / "part-1.parquet").exists()
    assert (tmp_path / "out" / "events").is_dir()
    assert (tmp_path / "out" / "mine.txt").exists()  # only batch output is removed


def test_output_on_a_file_is_refused(tmp_path):
    (tmp_path / "out").write_text("")
    with pytest.raises(BatchError) as caught:
        prepare_output(Location.parse(str(tmp_path / "out")), overwrite=True)
    assert caught.value.code == "E028"


def test_bad_options_are_refused_before_any_work(tmp_path):
    from communique.batch import BatchOptions, run_batch

    for options in (BatchOptions(engine="spark"), BatchOptions(part_size=0)):
        with pytest.raises(BatchError) as caught:
            run_batch(str(tmp_path), str(tmp_path / "out"), options=options)
        assert caught.value.code == "E024"
    assert not (tmp_path / "out").exists()


def test_the_rejects_file_may_go_into_a_new_folder(tmp_path):
    from communique.batch.rejects import RejectsFile

    with RejectsFile(Location.parse(str(tmp_path / "new" / "rejects.jsonl"))) as rejects:
        rejects.write({"where": "a.jsonl:1"})
    assert (tmp_path / "new" / "rejects.jsonl").read_text() == '{"where": "a.jsonl:1"}\n'


def test_a_run_stopped_before_it_began_may_be_run_again(tmp_path):
    out = Location.parse(str(tmp_path / "out"))
    prepare_output(out, overwrite=False)
    (tmp_path / "out" / "rejects.jsonl").write_text("")
    prepare_output(out, overwrite=False)  # empty folders and no rejects: no earlier output
    (tmp_path / "out" / "rejects.jsonl").write_text('{"where": "a.jsonl:1"}\n')
    with pytest.raises(BatchError):
        prepare_output(out, overwrite=False)
