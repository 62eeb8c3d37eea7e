"""Writing the migration's files: whole or not at all, and never over an editor's work."""

from __future__ import annotations

import pytest
from migration.writer import MANIFEST, write_atomic, write_outputs

FILES = {"articles/a.md": "Title: A\n\nText.\n", "articles/b.md": "Title: B\n\nText.\n"}


def test_a_file_that_cannot_be_put_in_place_leaves_no_half_written_file(tmp_path):
    target = tmp_path / "a.md"
    target.mkdir()  # a folder where the file should go: the rename fails
    with pytest.raises(OSError):
        write_atomic(target, "Title: A\n")
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"] and target.is_dir()


def test_an_edited_file_the_migration_no_longer_writes_is_kept_and_reported(tmp_path):
    write_outputs(tmp_path, FILES)
    (tmp_path / "articles/b.md").write_text("Title: B\n\nRedaktörens text.\n", encoding="utf-8")
    report = write_outputs(tmp_path, {"articles/a.md": FILES["articles/a.md"]})  # b merged into a in the plan
    assert report.kept_editor_changes == ["articles/b.md"] and report.removed == []
    assert "Redaktörens text." in (tmp_path / "articles/b.md").read_text(encoding="utf-8")
    report = write_outputs(tmp_path, {"articles/a.md": FILES["articles/a.md"]}, force=True)
    assert report.removed == ["articles/b.md"] and not (tmp_path / "articles/b.md").exists()


def test_an_unedited_file_the_migration_no_longer_writes_is_removed(tmp_path):
    write_outputs(tmp_path, FILES)
    report = write_outputs(tmp_path, {"articles/a.md": FILES["articles/a.md"]})
    assert report.removed == ["articles/b.md"] and not (tmp_path / "articles/b.md").exists()


def test_a_file_an_editor_saved_in_windows_1252_is_kept_not_a_traceback(tmp_path):
    write_outputs(tmp_path, FILES)
    edited = "Title: A\n\nRedaktören skrev å, ä och ö.\n".encode("cp1252")
    (tmp_path / "articles/a.md").write_bytes(edited)
    report = write_outputs(tmp_path, {**FILES, "articles/a.md": "Title: A\n\nNy text.\n"})
    assert report.kept_editor_changes == ["articles/a.md"]
    assert (tmp_path / "articles/a.md").read_bytes() == edited


@pytest.mark.parametrize("manifest", ["{trasig", "[]"], ids=["broken-json", "not-a-mapping"])
def test_a_broken_manifest_keeps_every_changed_file_as_an_editors(tmp_path, manifest):
    """Without the hashes no change can be told from an editor's, so none is overwritten."""
    write_outputs(tmp_path, FILES)
    (tmp_path / MANIFEST).write_text(manifest, encoding="utf-8")
    report = write_outputs(tmp_path, {name: text + "Mer.\n" for name, text in FILES.items()})
    assert report.manifest_unreadable and report.kept_editor_changes == sorted(FILES) and report.written == []
    assert all((tmp_path / name).read_text(encoding="utf-8") == text for name, text in FILES.items())
