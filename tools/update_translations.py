"""Refresh the interface's translation catalogue and compile it.

    python tools/update_translations.py          # refresh .ts, compile .qm
    python tools/update_translations.py --check  # exit 1 if the .ts is out of date

1. Scans reader/ui for `self.tr("…")` and `QCoreApplication.translate("Context", "…")`
   (tools/i18n_scan.py: an AST scan, contexts = the enclosing class for tr(), the given
   context for translate()), and the core for `message("…")` templates (reader/messages.py;
   context "CoreMessages", translated by reader/ui/core_text.py).
2. Rewrites resources/translations/yuedu_zh_CN.ts (Qt Linguist XML): existing translations
   are kept; new strings are added as "unfinished" for a translator (Qt Linguist, or by
   hand); strings no longer in the code are dropped.
3. Compiles the .qm next to it with pyside6-lrelease (shipped with PySide6-Essentials).
   The .qm is committed, so neither the package build nor the first run needs Qt's tools;
   tests/test_translations.py fails when the .qm no longer matches the .ts.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from i18n_scan import Message, core_messages, translatable_strings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"yuedu_{language}.ts"


def read_ts(path: Path) -> dict[tuple[str, str], tuple[str, bool]]:
    """(context, source) → (translation, finished) from a .ts file (empty if none)."""
    if not path.exists():
        return {}
    known: dict[tuple[str, str], tuple[str, bool]] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            form = translation.find("numerusform") if translation is not None else None
            if form is not None:  # Chinese has one plural form
                text = form.text or ""
            finished = translation is not None and translation.get("type") is None
            known[(name, source)] = (text, finished and bool(text))
    return known


def render_ts(
    language: str, messages: list[Message], known: dict[tuple[str, str], tuple[str, bool]]
) -> str:
    root = ET.Element("TS", version="2.1", language=language)
    by_context: dict[str, dict[str, Message]] = {}
    for message in messages:
        by_context.setdefault(message.context, {}).setdefault(message.source, message)
    for context_name in sorted(by_context):
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = context_name
        for source, message in by_context[context_name].items():
            element = ET.SubElement(context, "message")
            if message.numerus:
                element.set("numerus", "yes")
            location = ET.SubElement(element, "location")
            # No line numbers: they would change with every edit of the code.
            # UI modules are named bare, core modules by their path from the repository.
            where = message.path if "/" in message.path else f"reader/ui/{message.path}"
            location.set("filename", f"../../{where}")
            ET.SubElement(element, "source").text = source
            text, finished = known.get((context_name, source), ("", False))
            translation = ET.SubElement(element, "translation")
            if message.numerus:
                ET.SubElement(translation, "numerusform").text = text
            else:
                translation.text = text
            if not finished:
                translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"


def lrelease() -> str | None:
    beside_python = Path(sys.executable).parent / "pyside6-lrelease"
    if beside_python.exists():
        return str(beside_python)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_qm(ts: Path) -> Path:
    tool = lrelease()
    if tool is None:
        raise SystemExit("pyside6-lrelease not found: install PySide6-Essentials")
    qm = ts.with_suffix(".qm")
    subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is current")
    args = parser.parse_args(argv)
    messages = translatable_strings() + core_messages()
    stale = False
    for language in LANGUAGES:
        path = ts_path(language)
        text = render_ts(language, messages, read_ts(path))
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if text == current:
            continue
        stale = True
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if args.check:
        print("out of date" if stale else "up to date")
        return 1 if stale else 0
    for language in LANGUAGES:
        compile_qm(ts_path(language))
        known = read_ts(ts_path(language))
        untranslated = sum(1 for text, finished in known.values() if not finished)
        print(f"{language}: {len(known)} strings, {untranslated} without a finished translation")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
