"""The GitHub workflows parse, pin their actions, test everything and deploy only from main."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

WORKFLOWS = Path(__file__).resolve().parents[2] / ".github" / "workflows"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(wf: dict):
    for job in wf["jobs"].values():
        yield from job.get("steps", [])


def test_every_action_is_pinned():
    for path in WORKFLOWS.glob("*.yml"):
        for step in steps(load(path.name)):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+(\.\d+)*|[0-9a-f]{40})", step["uses"]), (path.name, step["uses"])


def test_tests_run_on_push_and_pull_request():
    wf = load("test.yml")
    assert {"push", "pull_request"} <= set(wf["on"])
    assert any(step.get("run", "").strip() == "make test" for step in steps(wf))
    assert wf["permissions"] == {"contents": "read"}


def test_pages_deploys_only_from_main_with_least_permissions():
    wf = load("pages.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"] == {"contents": "read"}
    deploy = wf["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert "refs/heads/main" in deploy["if"] and "refs/heads/main" in wf["jobs"]["build"]["if"]
    uses = [s.get("uses", "") for s in steps(wf)]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert any(step.get("run", "").strip() == "make build" for step in steps(wf))


def test_pages_builds_for_the_url_configure_pages_gives():
    """The deploy builds what the rehearsal tests: `make build` for the Pages URL, which has a path
    for a project site (https://<owner>.github.io/<repo>)."""
    wf = load("pages.yml")
    build = wf["jobs"]["build"]["steps"]
    ids = {s.get("id"): s for s in build}
    assert ids["pages"]["uses"].startswith("actions/configure-pages@")
    step = next(s for s in build if s.get("run", "").strip() == "make build")
    assert step["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert [s.get("id") for s in build].index("pages") < build.index(step)
