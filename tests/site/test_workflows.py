"""The GitHub workflows parse, pin their actions, test everything and deploy only from main; the
publishing chain passes zizmor (a GitHub Actions security linter) with nothing at medium or above."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
GITHUB = ROOT / ".github"
WORKFLOWS = GITHUB / "workflows"
# A release tag in the comment after the pinned commit: `uses: owner/repo@<40 hex> # v1.2.3`.
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w.-]+)@([0-9a-f]{40}) # (v\d+\.\d+\.\d+)\s*$")


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(wf: dict):
    for job in wf["jobs"].values():
        yield from job.get("steps", [])


def workflow_files() -> list[Path]:
    files = sorted(WORKFLOWS.glob("*.y*ml"))
    assert {p.name for p in files} >= {"pages.yml", "test.yml", "links.yml", "status.yml"}
    return files


def test_every_action_is_pinned_to_a_commit_with_its_release_tag():
    """A tag can be moved to other code; a full commit cannot. The tag it was read from stands in
    a comment (Dependabot updates both)."""
    for path in workflow_files():
        for step in steps(load(path.name)):
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), (path.name, step["uses"])
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
        assert lines, path.name
        for line in lines:
            assert PINNED.match(line), (path.name, line)


def test_the_same_action_has_the_same_pin_everywhere():
    pins: dict[str, set[tuple[str, str]]] = {}
    for path in workflow_files():
        for line in path.read_text(encoding="utf-8").splitlines():
            if m := PINNED.match(line):
                pins.setdefault(m[1], set()).add((m[2], m[3]))
    assert pins and all(len(v) == 1 for v in pins.values()), pins


def test_checkouts_leave_no_credentials_behind():
    """The checkout's token is not written into .git/config, where any later step (or an uploaded
    folder) could read it: no job here pushes."""
    checkouts = 0
    for path in workflow_files():
        for step in steps(load(path.name)):
            if step.get("uses", "").startswith("actions/checkout@"):
                checkouts += 1
                assert step.get("with", {}).get("persist-credentials") is False, path.name
    assert checkouts == 4


# What each job may do with the workflow's token, and nothing more: every workflow grants nothing
# by default (`permissions: {}`), each job asks for its own.
LEAST = {
    ("test.yml", "test"): {"contents": "read"},
    ("pages.yml", "build"): {"contents": "read", "pages": "read"},
    ("pages.yml", "deploy"): {"pages": "write", "id-token": "write"},
    ("links.yml", "sources"): {"contents": "read", "issues": "write"},
    ("status.yml", "due"): {"contents": "read", "issues": "write"},
}


def test_least_permissions_per_job():
    seen = set()
    for path in workflow_files():
        wf = load(path.name)
        assert wf["permissions"] == {}, path.name
        for name, job in wf["jobs"].items():
            seen.add((path.name, name))
            assert job.get("permissions") == LEAST.get((path.name, name)), (path.name, name, job.get("permissions"))
    assert seen == set(LEAST)


def test_tests_run_on_push_and_pull_request():
    wf = load("test.yml")
    assert {"push", "pull_request"} <= set(wf["on"])
    assert any(step.get("run", "").strip() == "make test" for step in steps(wf))


def test_pages_deploys_only_from_main_with_least_permissions():
    wf = load("pages.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
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


def test_source_links_are_checked_weekly_without_blocking_the_site():
    """lychee reads data/sources.yaml (every source's address and archived copy) once a week and
    reports (run summary, artifact, one issue kept current); a broken link fails nothing, and the
    Pages build neither waits for it nor runs it."""
    wf = load("links.yml")
    assert set(wf["on"]) == {"schedule", "workflow_dispatch"}
    (cron,) = [entry["cron"] for entry in wf["on"]["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert (day, month) == ("*", "*") and re.fullmatch(r"[0-6]", weekday), cron  # one day a week
    (job,) = wf["jobs"].values()
    lychee = next(s for s in job["steps"] if s.get("uses", "").startswith("lycheeverse/lychee-action@"))
    assert lychee["with"]["fail"] is False
    listed = lychee["with"]["args"].split()[-1]
    (make_list,) = [s for s in job["steps"][:job["steps"].index(lychee)] if listed in s.get("run", "")]
    assert make_list["run"].strip().endswith(f"> {listed}")
    report = lychee["with"]["output"]
    later = job["steps"][job["steps"].index(lychee) + 1:]
    upload = next(s for s in later if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == report and upload["if"] == "always()"
    issue = next(s for s in later if "gh issue create" in s.get("run", ""))
    assert f"--body-file {report}" in issue["run"] and "gh issue edit" in issue["run"]
    assert not any(s.get("continue-on-error") is False for s in job["steps"])
    for name in ("pages.yml", "test.yml"):
        text = (WORKFLOWS / name).read_text(encoding="utf-8")
        assert "workflow_run" not in text and "links.yml" not in text and "lychee" not in text, name


def test_the_link_check_reads_every_source_address_and_nothing_else(tmp_path):
    """The workflow's own command, run on the real data: the list lychee checks is each source's
    `url` and `archive`, exactly (a URL inside a note's prose is not one, and would be misread)."""
    job = load("links.yml")["jobs"]["sources"]
    (make_list,) = [s for s in job["steps"] if s.get("run", "").strip().endswith("> source-urls.txt")]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sources.yaml").write_bytes((ROOT / "data" / "sources.yaml").read_bytes())
    subprocess.run(["bash", "-e", "-c", make_list["run"]], cwd=tmp_path, check=True)
    listed = (tmp_path / "source-urls.txt").read_text(encoding="utf-8").splitlines()
    sources = yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    expected = [u for s in sources for u in (s["url"], s.get("archive")) if u]
    assert len(sources) >= 30 and listed == expected


def test_the_status_is_checked_daily_without_blocking_the_site():
    """`python -m o3story due` runs every day (and by hand): its report goes to one issue, opened or
    updated when an event the site gives as still to come has reached its day (exit 1), closed when
    nothing is due (exit 0); 1 does not fail the run, a data error (2) does; the Pages build neither
    waits for it nor runs it."""
    wf = load("status.yml")
    assert set(wf["on"]) == {"schedule", "workflow_dispatch"}
    (cron,) = [entry["cron"] for entry in wf["on"]["schedule"]]
    assert cron.split()[2:] == ["*", "*", "*"], cron  # every day
    (job,) = wf["jobs"].values()
    run = next(s for s in job["steps"] if s.get("id") == "due")
    assert ".venv/bin/python -m o3story due --report due.md" in run["run"]
    issue = next(s for s in job["steps"][job["steps"].index(run) + 1:] if "gh issue create" in s.get("run", ""))
    assert "--body-file due.md" in issue["run"] and "gh issue edit" in issue["run"] and "gh issue close" in issue["run"]
    assert issue["env"]["EXIT_CODE"] == "${{ steps.due.outputs.exit_code }}"
    for name in ("pages.yml", "test.yml"):
        text = (WORKFLOWS / name).read_text(encoding="utf-8")
        assert "status.yml" not in text and "o3story due" not in text, name


@pytest.mark.parametrize("today, code, ok", [(None, None, True), ("2999-01-01", "1", True), ("not-a-day", "2", False)])
def test_the_status_step_s_own_script_keeps_the_code_and_fails_only_on_an_error(tmp_path, today, code, ok):
    """The due step's script, run as the runner runs it (bash -e), on the real data: the exit code
    reaches the step's output, and the step fails only past 1. (2999: every scheduled event has come, if
    any is scheduled; a day that is no date: argparse's error, 2.)"""
    job = load("status.yml")["jobs"]["due"]
    step = next(s for s in job["steps"] if s.get("id") == "due")
    run = step["run"]
    # the checkout as the step sees it: the repository's scripts and data, and the venv the step before made
    for name in (".venv", "scripts", "data"):
        (tmp_path / name).symlink_to(ROOT / name)
    if today:
        run = run.replace("--report due.md", f"--report due.md --today {today}")
    out = tmp_path / "output"
    # the step's own environment (its env, not the test's): GitHub's runner gives it no PYTHONPATH
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(step.get("env", {}), GITHUB_OUTPUT=str(out))
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", run], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert (done.returncode == 0) is ok, done.stderr
    (line,) = out.read_text(encoding="utf-8").splitlines()
    if code is None:
        assert line in ("exit_code=0", "exit_code=1"), line
    elif code == "1":
        from o3story.data.story import load_story

        data = load_story(ROOT / "data").data
        assert line == f"exit_code={1 if any(data.status.upcoming(e.date) for e in data.events) else 0}", line
    else:
        assert line == "exit_code=2", line
    if ok:
        assert (tmp_path / "due.md").read_text(encoding="utf-8").strip()


def test_dependabot_keeps_the_pins_current():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert config["version"] == 2
    updates = {(u["package-ecosystem"], u["directory"]): u for u in config["updates"]}
    assert set(updates) == {("github-actions", "/"), ("pip", "/requirements"), ("npm", "/")}
    assert (ROOT / "requirements" / "test.txt").is_file() and (ROOT / "package.json").is_file()
    for u in updates.values():
        assert u["schedule"]["interval"] in ("daily", "weekly"), u
        assert u["cooldown"]["default-days"] >= 7, u  # a fresh release waits a week before it is proposed


def zizmor() -> Path:
    """zizmor from the test tools (requirements/test.txt), in the venv that runs the tests."""
    exe = Path(sys.executable).parent / ("zizmor.exe" if os.name == "nt" else "zizmor")
    if not exe.is_file():
        pytest.fail(f"zizmor is not installed next to {sys.executable}: run `make test`, which installs "
                    "requirements/test.txt (zizmor is pinned there)", pytrace=False)
    return exe


def test_zizmor_is_the_pinned_version():
    pin = re.search(r"^zizmor==(\S+)$", (ROOT / "requirements" / "test.txt").read_text(encoding="utf-8"), re.M)
    assert pin, "zizmor is not pinned in requirements/test.txt"
    out = subprocess.run([zizmor(), "--version"], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["zizmor", pin[1]], out


def test_zizmor_finds_nothing_at_medium_or_above():
    """The workflows and the Dependabot configuration, audited offline (no network, no token: only
    the audits that read the files), with the regular persona; an ignore comment does not count, and
    a file zizmor cannot read is an error, not a warning."""
    env = {k: v for k, v in os.environ.items() if k not in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN")}
    proc = subprocess.run(
        [zizmor(), "--offline", "--strict-collection", "--no-ignores", "--no-config", "--no-progress", "--color", "never",
         "--format", "json", "--min-severity", "medium", ".github"],
        cwd=ROOT, capture_output=True, text=True, env=env)
    assert proc.returncode in (0, 11, 12, 13, 14), proc.stderr  # 0: no finding; 1x: findings, by severity
    findings = json.loads(proc.stdout)
    audited = re.findall(r"completed (\S+)", proc.stderr)
    assert {".github/dependabot.yml", ".github/workflows/pages.yml", ".github/workflows/test.yml",
            ".github/workflows/links.yml"} <= set(audited), proc.stderr
    assert findings == [], [(f["ident"], f["determinations"]["severity"], f["locations"][0]["symbolic"]["key"],
                             f["locations"][0]["concrete"]["feature"]) for f in findings]
