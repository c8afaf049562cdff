"""The dependency files agree: pyproject.toml is the truth, the others mirror it."""

from __future__ import annotations

import re

import tomllib
import yaml

from toolkit import config

ROOT = config.PROJECT_DIR


def _name(requirement: str) -> str:
    return re.split(r"[=<>!~\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def pyproject_requirements() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    return {_name(r): r.replace(" ", "") for r in requirements}


def test_every_direct_dependency_is_pinned_exactly():
    unpinned = [r for r in pyproject_requirements().values() if "==" not in r]
    assert unpinned == []


def test_environment_yml_pip_section_matches_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pins = {_name(r): r.replace(" ", "") for r in pip_section if not r.startswith("-e")}
    assert pins == pyproject_requirements()
    assert "-e ." in pip_section


def test_constraints_lock_agrees_with_pyproject_pins():
    locked = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            locked[_name(line)] = line.split("==", 1)[1].strip()
    for name, requirement in pyproject_requirements().items():
        assert locked.get(name) == requirement.split("==", 1)[1], name


def test_two_commands_are_what_the_readme_opens_with():
    readme = (ROOT / "README.md").read_text()
    head = readme[: readme.index("\n## ")]
    assert "make report" in head and "make test" in head
    assert "make test" in (ROOT / ".ci" / "run").read_text()
