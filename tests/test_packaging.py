"""A wheel carries every data file kg reads at run time (schemas/ and the viewer templates)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _shipped() -> tuple[dict[str, str], dict[str, list[str]]]:
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    return setuptools["package-dir"], setuptools["package-data"]


def _folder_of(package: str, package_dir: dict[str, str]) -> Path:
    for name, folder in package_dir.items():
        if package == name or package.startswith(name + "."):
            return ROOT / folder / package[len(name) + 1 :].replace(".", "/")
    return ROOT / package.replace(".", "/")


def test_packaging_every_schema_and_template_file_goes_into_the_wheel():
    package_dir, package_data = _shipped()
    covered = set()
    for package, globs in package_data.items():
        folder = _folder_of(package, package_dir)
        for path in folder.iterdir():
            if path.is_file() and any(fnmatch.fnmatch(path.name, g) for g in globs):
                covered.add(path)
    wanted = {p for p in (ROOT / "schemas").rglob("*") if p.is_file()}
    wanted |= {p for p in (ROOT / "kg" / "templates").rglob("*") if p.is_file()}
    assert wanted - covered == set()


def test_packaging_installed_copy_is_found_without_a_checkout(monkeypatch, tmp_path):
    import kg.resources as resources

    monkeypatch.delenv("KG_SCHEMAS", raising=False)
    package = tmp_path / "site-packages" / "kg"
    (package / "_schemas").mkdir(parents=True)
    monkeypatch.setattr(resources, "__file__", str(package / "resources.py"))
    assert resources.schemas_dir() == package / "_schemas"
    monkeypatch.setattr(resources, "__file__", str(ROOT / "kg" / "resources.py"))
    assert resources.schemas_dir() == ROOT / "schemas"


def test_packaging_every_subpackage_of_kg_is_listed():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"][
            "packages"
        ]
    )
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "kg").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    assert found - listed == set()
