"""`yuedu install-desktop` / `uninstall-desktop` in a temporary home: the entry, the icons
and the yuedu:// handler are written where the XDG variables say, and removed again, with
the user's other associations left as they were."""

from __future__ import annotations

import io
import stat
import sys
from pathlib import Path

import pytest

from reader.app import files_to_open, main
from reader.desktop import exec_argument
from reader.paths import ICON_SIZES, icon_png
from tests.shared_data import REPO_ROOT

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Linux desktops")

MAIN_PY = REPO_ROOT / "main.py"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary HOME with no XDG variables, no xdg-mime or cache tools on PATH, and the
    app started as `python main.py`."""
    home = tmp_path / "home"
    home.mkdir()
    tools = tmp_path / "bin"
    tools.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tools))
    monkeypatch.setattr(sys, "argv", [str(MAIN_PY)])
    return home


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    saved = sys.stdout
    sys.stdout = out
    try:
        status = main(list(argv))
    finally:
        sys.stdout = saved
    return status, out.getvalue()


def entry_values(desktop_file: Path) -> dict[str, str]:
    lines = desktop_file.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def files_under(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()}


def test_install_writes_the_entry_icons_and_handler_and_uninstall_removes_them(
    home: Path,
) -> None:
    status, printed = run("install-desktop")
    assert status == 0
    share = home / ".local" / "share"
    desktop_file = share / "applications" / "yuedu.desktop"
    values = entry_values(desktop_file)
    assert values["Exec"] == f"{sys.executable} {MAIN_PY} %U"
    assert values["Icon"] == "yuedu" and values["Type"] == "Application"
    mime_types = values["MimeType"].split(";")
    assert "x-scheme-handler/yuedu" in mime_types and "application/pdf" in mime_types
    for size in ICON_SIZES:
        installed = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "yuedu.png"
        assert installed.read_bytes() == icon_png(size).read_bytes()
    svg = share / "icons" / "hicolor" / "scalable" / "apps" / "yuedu.svg"
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    mimeapps = home / ".config" / "mimeapps.list"
    assert mimeapps.read_text(encoding="utf-8").splitlines() == [
        "[Default Applications]",
        "x-scheme-handler/yuedu=yuedu.desktop",
    ]
    assert str(desktop_file) in printed
    assert len(files_under(home)) == len(ICON_SIZES) + 3  # icons, svg, entry, mimeapps

    status, printed = run("uninstall-desktop")
    assert status == 0 and str(desktop_file) in printed
    assert files_under(home) == set()
    status, printed = run("uninstall-desktop")
    assert status == 0 and "Nothing to remove" in printed


def test_the_users_other_associations_are_kept(home: Path) -> None:
    mimeapps = home / ".config" / "mimeapps.list"
    mimeapps.parent.mkdir(parents=True)
    before = (
        "[Added Associations]\n"
        "application/pdf=org.gnome.Evince.desktop;\n"
        "\n"
        "[Default Applications]\n"
        "text/html=firefox.desktop\n"
        "x-scheme-handler/yuedu=old-reader.desktop\n"
    )
    mimeapps.write_text(before, encoding="utf-8")
    assert run("install-desktop")[0] == 0
    after_install = mimeapps.read_text(encoding="utf-8")
    assert "x-scheme-handler/yuedu=yuedu.desktop\n" in after_install
    assert "old-reader.desktop" not in after_install  # the link now opens Yuedu
    assert "text/html=firefox.desktop" in after_install
    assert "application/pdf=org.gnome.Evince.desktop;" in after_install
    assert run("uninstall-desktop")[0] == 0
    assert mimeapps.read_text(encoding="utf-8") == (
        "[Added Associations]\n"
        "application/pdf=org.gnome.Evince.desktop;\n"
        "\n"
        "[Default Applications]\n"
        "text/html=firefox.desktop\n"
    )


def test_xdg_variables_are_respected_and_xdg_mime_is_used_when_present(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_home, config_home = tmp_path / "data", tmp_path / "config"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config_home))
    calls = tmp_path / "xdg-mime-calls"
    fake = tmp_path / "bin" / "xdg-mime"
    # Records its arguments and, as the real one does, writes the user's default.
    fake.write_text(
        "#!/bin/sh\n"
        f'echo "$@" >> "{calls}"\n'
        'mkdir -p "$XDG_CONFIG_HOME"\n'
        'printf "[Default Applications]\\n$3=$2\\n" > "$XDG_CONFIG_HOME/mimeapps.list"\n',
        encoding="utf-8",
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    assert run("install-desktop")[0] == 0
    assert calls.read_text(encoding="utf-8") == "default yuedu.desktop x-scheme-handler/yuedu\n"
    assert (data_home / "applications" / "yuedu.desktop").is_file()
    assert (data_home / "icons" / "hicolor" / "48x48" / "apps" / "yuedu.png").is_file()
    assert "x-scheme-handler/yuedu=yuedu.desktop" in (config_home / "mimeapps.list").read_text()
    assert files_under(home) == set()
    assert run("uninstall-desktop")[0] == 0
    assert files_under(data_home) == set() and files_under(config_home) == set()


def test_a_prefix_installs_for_everyone_under_it(home: Path, tmp_path: Path) -> None:
    prefix = tmp_path / "usr-local"
    assert run("install-desktop", "--prefix", str(prefix))[0] == 0
    share = prefix / "share"
    assert (share / "applications" / "yuedu.desktop").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "yuedu.png").is_file()
    assert "x-scheme-handler/yuedu=yuedu.desktop" in (
        share / "applications" / "mimeapps.list"
    ).read_text(encoding="utf-8")
    assert files_under(home) == set()
    assert run("uninstall-desktop", "--prefix", str(prefix))[0] == 0
    assert files_under(prefix) == set()


def test_started_with_a_library_the_entry_opens_that_library(home: Path, tmp_path: Path) -> None:
    library = tmp_path / "my library.sqlite3"
    assert run("--db", str(library), "install-desktop")[0] == 0
    values = entry_values(home / ".local/share/applications/yuedu.desktop")
    assert values["Exec"] == f'{sys.executable} {MAIN_PY} --db "{library}" %U'


def test_exec_arguments_are_quoted_and_escaped_as_the_specification_says() -> None:
    assert exec_argument("/usr/bin/yuedu") == "/usr/bin/yuedu"
    assert exec_argument("/opt/my apps/yuedu") == '"/opt/my apps/yuedu"'
    # $ is escaped for the quoting, then that backslash again for the string value.
    assert exec_argument("/opt/a$b") == '"/opt/a\\\\$b"'
    assert exec_argument("/opt/100%") == "/opt/100%%"


def test_files_given_as_file_urls_are_opened(tmp_path: Path) -> None:
    page = tmp_path / "春天 page.txt"
    page.write_text("春天来了。", encoding="utf-8")
    url = "file://" + str(page).replace(" ", "%20").replace("春天", "%E6%98%A5%E5%A4%A9")
    assert files_to_open([url], {"import"}) == ([], [page])
    remote = "file://elsewhere" + str(page)
    assert files_to_open([remote], {"import"}) == ([remote], [])
