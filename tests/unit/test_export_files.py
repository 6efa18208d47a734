"""Export files are written all-or-nothing and named so Windows accepts them."""

from __future__ import annotations

import pytest

from mentordesk.files import safe_file_stem, write_atomically


def test_failed_write_keeps_the_previous_file(tmp_path, monkeypatch):
    target = tmp_path / "rapport.pdf"
    write_atomically(target, b"gammel")

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", disk_full)
    with pytest.raises(OSError):
        write_atomically(target, b"ny")
    assert target.read_bytes() == b"gammel"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]


@pytest.mark.parametrize(("text", "expected"), [
    ("CON", "_CON"), ("con.txt", "_con.txt"), ("LPT1", "_LPT1"), ("Åse Ærø.", "Åse Ærø"),
    ('a<b>c:d"e/f\\g|h?i*j', "a_b_c_d_e_f_g_h_i_j"), ("   ", "dokument"), ("x\x00y", "x_y"),
])
def test_file_stems_are_safe_on_windows(text, expected):
    assert safe_file_stem(text) == expected
