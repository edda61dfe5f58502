"""Legal pages that name who: the publisher block of content/site.yml, its rules, the table of
supervisory authorities, the deployment's refusal while the publisher is unconfirmed, and what the privacy
notice, the accessibility statement, the status page and JSON-LD say in every language."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from lxml import html

from conftest import LANGUAGES, ROOT, build, page_path
from epi_site.content.i18n import interface_catalog
from epi_site.content.loading import load_content
from epi_site.content.fields import COUNTRIES as _COUNTRIES
from epi_site.content.site_info import AUTHORITIES, authority_for
from epi_site.project import load_project

PROJECT = load_project(ROOT)
HOOKS = str(ROOT / "hooks")
# A block the partnership could confirm: every fact given. Invented for the tests only, never published.
COMPLETE = """publisher:
  name: Example Association
  address: |
    Strada Exemplu 1
    400000 Cluj-Napoca
    Romania
  email: office@example.org
  country: RO
  dpo: false
  dpo_email:
  public_sector_body: false
  feedback_days: 10
  confirmed: true
"""


def with_publisher(root: Path, block: str) -> None:
    path = root / "content/site.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("publisher:")] + block, encoding="utf-8")


def edit_publisher(root: Path, old: str, new: str) -> None:
    path = root / "content/site.yml"
    text = path.read_text(encoding="utf-8")
    head, block = text.split("publisher:")
    assert old in block, old
    path.write_text(head + "publisher:" + block.replace(old, new, 1), encoding="utf-8")


def loaded(root: Path):
    return load_content(load_project(root))


def check(root: Path, *args: str) -> subprocess.CompletedProcess:
    # The worktree's own hooks, not an installed copy of the package.
    env = {**os.environ, "PYTHONPATH": HOOKS}
    return subprocess.run([sys.executable, "-P", "-m", "epi_site.check", "--root", str(root), *args],
                          capture_output=True, text=True, env=env)


def site_line(number: int) -> str:
    return (ROOT / "content/site.yml").read_text(encoding="utf-8").split("\n")[number - 1]


def text_of(element) -> str:
    return " ".join(element.text_content().split())


def parse(path: Path):
    return html.fromstring(path.read_bytes())


# --- the block's rules ---------------------------------------------------------

def test_the_repository_names_the_brochures_coordinator_and_nothing_it_does_not_give():
    content, problems = loaded(ROOT)
    assert not problems
    publisher = content.site.publisher
    assert (publisher.name, publisher.country, publisher.email) == ("PATRIR", "RO", "hello@epi-project.com")
    # The Swedish brochure names the coordinator in text ("PATRIR (Rumänien) är projektkoordinator"); the
    # English one shows its logo only.
    brochure = Path("/work/shared/seeds/brochure-sv.txt")
    if brochure.exists():
        assert "**PATRIR** (Rumänien) är projektkoordinator" in brochure.read_text(encoding="utf-8")
    # Not in the brochure: left to the partnership.
    assert publisher.address is None and publisher.dpo is None and publisher.dpo_email is None
    assert publisher.confirmed is False


def test_every_open_decision_is_a_warning_with_its_file_and_line():
    content, problems = loaded(ROOT)
    assert not problems, "open decisions never stop the build"
    decisions = {d.key: d for d in content.site.publisher.decisions}
    assert set(decisions) == {"address", "dpo", "confirmed"}
    for key, decision in decisions.items():
        assert site_line(decision.line).startswith(f"  {key}:"), (key, decision.line)
    warned = {w.where: w for w in problems.warning_list() if w.where.startswith("publisher.")}
    assert set(warned) == {f"publisher.{key}" for key in decisions}
    for key, warning in warned.items():
        assert warning.file == "content/site.yml" and warning.line == decisions[key.split(".")[1]].line
        assert warning.fix


def test_the_check_warns_of_the_open_decisions_and_passes():
    result = check(ROOT, "--no-status")
    assert result.returncode == 0, result.stdout
    warnings = result.stdout.split("(these do not stop the build):")[1]
    for key in ("address", "dpo", "confirmed"):
        assert re.search(rf"content/site\.yml:\d+ \(publisher\.{key}\)", warnings), key


def test_github_annotations_put_each_open_decision_on_its_line():
    result = check(ROOT, "--no-status", "--format", "github")
    assert result.returncode == 0
    lines = [line for line in result.stdout.splitlines() if "publisher." in line]
    assert len(lines) == 3 and all(line.startswith("::warning file=content/site.yml,line=") for line in lines)


def test_a_complete_confirmed_block_has_no_open_decision(scratch):
    with_publisher(scratch, COMPLETE)
    content, problems = loaded(scratch)
    assert not problems and not [w for w in problems.warning_list() if w.where.startswith("publisher")]
    publisher = content.site.publisher
    assert publisher.confirmed and publisher.decisions == ()
    assert publisher.address == ("Strada Exemplu 1", "400000 Cluj-Napoca", "Romania")
    assert publisher.dpo is False and publisher.feedback_days == 10


@pytest.mark.parametrize("old, new, where", [
    ("  address: |\n    Strada Exemplu 1\n    400000 Cluj-Napoca\n    Romania\n", "  address:\n", "publisher.address"),
    ("  dpo: false\n", "  dpo:\n", "publisher.dpo"),
    ("  feedback_days: 10\n", "  feedback_days:\n", "publisher.feedback_days"),
    ("  public_sector_body: false\n", "  public_sector_body:\n", "publisher.public_sector_body"),
])
def test_confirmed_means_complete(scratch, old, new, where):
    """A notice that goes live gives every fact: 'confirmed: true' with an empty field is refused."""
    with_publisher(scratch, COMPLETE)
    edit_publisher(scratch, old, new)
    content, problems = loaded(scratch)
    found = [p for p in problems if p.where == where]
    assert content is None and found and "'confirmed: true'" in found[0].message and found[0].line


@pytest.mark.parametrize("old, new, where, message", [
    ("  dpo: false\n  dpo_email:\n", "  dpo: true\n  dpo_email:\n", "publisher.dpo_email", "contact is missing"),
    ("  dpo_email:\n", "  dpo_email: dpo@example.org\n", "publisher.dpo_email", "'dpo' does not say"),
    ("  dpo: false\n", "  dpo: perhaps\n", "publisher.dpo", "must be true or false"),
    ("  dpo_email:\n", "  dpo_email: officer at example\n", "publisher.dpo_email", "not an email address"),
    ("  feedback_days: 10\n", "  feedback_days: ten\n", "publisher.feedback_days", "not a number of working days"),
    ("  feedback_days: 10\n", "  feedback_days: 90\n", "publisher.feedback_days", "not a number of working days"),
    ("  public_sector_body: false\n", "  public_sector_body: true\n", "publisher.public_sector_body",
     "Directive (EU) 2016/2102 does not apply"),
    ("  confirmed: true\n", "  confirmed: yes please\n", "publisher.confirmed", "must be true or false"),
    ("  country: RO\n", "  country: RO\n  vat: RO123\n", "publisher.vat", "not a field"),
])
def test_each_rule_of_the_block(scratch, old, new, where, message):
    with_publisher(scratch, COMPLETE)
    edit_publisher(scratch, old, new)
    problems = [p for p in loaded(scratch)[1] if p.where == where]
    assert problems and message in problems[0].message, [str(p) for p in loaded(scratch)[1]]
    assert problems[0].file == "content/site.yml" and problems[0].line and problems[0].fix


def test_a_dpo_with_a_contact_is_accepted(scratch):
    with_publisher(scratch, COMPLETE.replace("  dpo: false\n  dpo_email:\n", "  dpo: true\n  dpo_email: dpo@example.org\n"))
    content, problems = loaded(scratch)
    assert not problems and content.site.publisher.dpo is True
    assert content.site.publisher.dpo_email == "dpo@example.org"


# --- the table of supervisory authorities -----------------------------------------

def test_the_table_covers_every_partner_country():
    content, _ = loaded(ROOT)
    partner_countries = {p.country for p in content.partners}
    assert partner_countries == {"RO", "IT", "ES", "DE", "SE", "PL", "LV", "EE"}
    assert partner_countries <= set(AUTHORITIES)
    assert set(AUTHORITIES) <= _COUNTRIES


def test_romania_is_the_anspdcp():
    authority = authority_for("RO")
    assert authority.name == "Autoritatea Națională de Supraveghere a Prelucrării Datelor cu Caracter Personal"
    assert (authority.short, authority.lang, authority.url) == ("ANSPDCP", "ro", "https://www.dataprotection.ro/")


def test_each_authority_is_named_in_its_own_language_with_its_own_address():
    for country, authority in AUTHORITIES.items():
        if authority is None:
            continue
        assert authority.lang in {"ro", "it", "es", "sv", "pl", "lv", "et"}, country
        assert re.fullmatch(r"https://(www\.)?[a-z.-]+\.[a-z]{2,}/", authority.url), authority.url
        assert authority.name and authority.name == authority.name.strip()


def test_germany_has_no_single_authority_and_the_check_says_so(scratch):
    """A private body in Germany answers to the authority of its Land: the table cannot name one."""
    assert "DE" in AUTHORITIES and authority_for("DE") is None
    edit_publisher(scratch, "  country: RO\n", "  country: DE\n")
    content, problems = loaded(scratch)
    assert not problems
    warning = next(w for w in problems.warning_list() if w.where == "publisher.country")
    assert "no single authority" in warning.message and "Land" in warning.fix
    assert content.site.publisher.authority is None


def test_a_country_outside_the_table_is_an_open_decision(scratch):
    edit_publisher(scratch, "  country: RO\n", "  country: FR\n")
    content, problems = loaded(scratch)
    assert not problems and "country" in {d.key for d in content.site.publisher.decisions}


# --- the deployment refuses to publish an unconfirmed publisher -------------------------------

def test_the_deploy_option_fails_while_the_publisher_is_unconfirmed():
    result = check(ROOT, "--no-status", "--require-confirmed-publisher")
    assert result.returncode == 1
    assert "The website is not published: the partnership has not confirmed its publisher" in result.stdout
    assert re.search(r"- confirmed \(content/site\.yml:\d+\)", result.stdout)
    assert "write 'confirmed: true'" in result.stdout


def test_the_deploy_option_fails_as_a_github_error_annotation():
    result = check(ROOT, "--no-status", "--format", "github", "--require-confirmed-publisher")
    assert result.returncode == 1
    assert any(line.startswith("::error file=content/site.yml,line=") and "not confirmed" in line
               for line in result.stdout.splitlines())


def test_the_deploy_option_passes_once_the_publisher_is_confirmed(scratch):
    with_publisher(scratch, COMPLETE)
    result = check(scratch, "--no-status", "--require-confirmed-publisher")
    assert result.returncode == 0, result.stdout
    assert "The publisher is confirmed (Example Association)" in result.stdout


def test_the_deploy_option_still_fails_on_problems(scratch):
    with_publisher(scratch, COMPLETE.replace("  email: office@example.org\n", "  email: office at example\n"))
    assert check(scratch, "--no-status", "--require-confirmed-publisher").returncode == 1


def test_only_the_deployment_runs_the_gate():
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    gated = [name for name, job in jobs.items()
             if any("--require-confirmed-publisher" in step.get("run", "") for step in job["steps"])]
    assert gated == ["confirmed-publisher"]
    gate = jobs["confirmed-publisher"]
    assert gate["if"] == jobs["deploy"]["if"] and "pull_request" in gate["if"], "never on a pull request"
    assert "confirmed-publisher" in jobs["deploy"]["needs"] and "check-build-test" in jobs["deploy"]["needs"]
    assert "permissions" not in gate, "the gate holds no deployment token (the workflow's contents: read)"
    assert workflow["permissions"] == {"contents": "read"}


# --- the built pages, in every language ----------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_privacy_notice_names_controller_dpo_and_authority(site, lang):
    t = interface_catalog(PROJECT, lang).gettext
    body = parse(page_path(site, lang, "privacy")).xpath("//article")[0]
    facts = body.xpath(".//dl[contains(@class, 'epi-publisher')]")[0]
    pairs = dict(zip((text_of(d) for d in facts.xpath("dt")), (text_of(d) for d in facts.xpath("dd")), strict=True))
    assert pairs[t("Controller")] == "PATRIR"
    assert pairs[t("Postal address")] == t("yet to be given by the partnership")
    assert pairs[t("Data protection officer")] == t(
        "Whether the publisher has designated a data protection officer is yet to be confirmed.")
    # Unconfirmed: said plainly, not guessed.
    notice = body.xpath(".//p[contains(@class, 'epi-unconfirmed')]")
    assert len(notice) == 1 and t("The publisher of this website is yet to be confirmed.") in text_of(notice[0])
    # The supervisory authority of the publisher's country, by its official name, in its language.
    authority = body.xpath(".//dl[contains(@class, 'epi-authority')]")
    assert len(authority) == 1
    link = authority[0].xpath(".//a")[0]
    assert link.get("href") == "https://www.dataprotection.ro/"
    assert link.xpath("string(span[@lang='ro'])") == AUTHORITIES["RO"].name and "ANSPDCP" in text_of(authority[0])
    # It follows the right to lodge a complaint (Art. 77), the last section but one.
    assert authority[0].xpath("preceding::h2[1]")[0] is body.xpath(".//h2")[-2]
    # The host's role and the transfer safeguard as GitHub states it.
    words = text_of(body)
    for fact in ("GitHub, Inc.", "GitHub B.V.", "2021/914", "2023/1795", "EU-U.S. Data Privacy Framework"):
        assert fact in words, fact


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_accessibility_statement_gives_the_reply_time_and_where_the_data_is(site, lang):
    body = parse(page_path(site, lang, "accessibility")).xpath("//article")[0]
    reply = body.xpath(".//p[contains(@class, 'epi-feedback-time')]")
    assert len(reply) == 1 and "10" in text_of(reply[0])
    t = interface_catalog(PROJECT, lang)
    assert text_of(reply[0]) == t.ngettext("We answer within %(num)s working day of receiving your message.",
                                           "We answer within %(num)s working days of receiving your message.",
                                           10) % {"num": "10"}
    # The reply time is in the feedback section, before the enforcement procedure.
    headings = body.xpath(".//h2")
    assert reply[0].xpath("preceding::h2[1]")[0] is headings[-2]
    # Why the Directive does not apply: Article 3(1) and Article 9, and the privacy notice names the publisher.
    enforcement = text_of(headings[-1].getnext())
    assert "2016/2102" in enforcement and "3" in enforcement and "9" in enforcement
    assert "CSV" in text_of(body)


def test_the_english_statement_says_where_a_charts_data_is(site):
    words = text_of(parse(page_path(site, "en", "accessibility")).xpath("//article")[0])
    assert "page of each chart" not in words
    assert "under each chart, a short description and a table of its data" in words
    assert "is not a public sector body" in words and "does not apply to this website" in words
    # What the statement says is what the build makes: a table and a CSV link under each chart.
    background = parse(page_path(site, "en", "background"))
    for figure in background.xpath("//figure[contains(@class, 'epi-chart')]"):
        assert figure.xpath(".//table") and figure.xpath(".//a[@download][contains(@href, '.csv')]")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_status_page_lists_the_open_decisions(site, lang):
    content, _ = loaded(ROOT)
    page = parse(page_path(site, lang, "status"))
    items = page.xpath("//ul[@class='epi-decisions']/li")
    assert [item.xpath("string(code)") for item in items] == [
        f"content/site.yml:{d.line}" for d in content.site.publisher.decisions]
    heading = page.xpath("//h2[@id='open-decisions']")[0]
    assert text_of(heading) == interface_catalog(PROJECT, lang).gettext("Decisions only the partnership can take")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_json_ld_names_the_same_publisher_as_the_notice(site, lang):
    t = interface_catalog(PROJECT, lang).gettext
    facts = parse(page_path(site, lang, "privacy")).xpath("//dl[contains(@class, 'epi-publisher')]")[0]
    pairs = dict(zip((text_of(d) for d in facts.xpath("dt")), (text_of(d) for d in facts.xpath("dd")), strict=True))
    graph = json.loads(parse(page_path(site, lang)).xpath("//script[@type='application/ld+json']")[0].text)["@graph"]
    website = next(n for n in graph if n["@type"] == "WebSite")
    publisher = next(n for n in graph if n.get("@id") == website["publisher"]["@id"])
    assert publisher["name"] == pairs[t("Controller")]
    assert publisher["email"] == pairs[t("Contact")]


def test_a_confirmed_publisher_is_published_as_given(scratch, tmp_path):
    with_publisher(scratch, COMPLETE)
    out = tmp_path / "site"
    result = build(scratch, out)
    assert result.returncode == 0, result.stderr[-2000:]
    body = parse(page_path(out, "de", "privacy")).xpath("//article")[0]
    t = interface_catalog(PROJECT, "de").gettext
    facts = body.xpath(".//dl[contains(@class, 'epi-publisher')]")[0]
    pairs = dict(zip((text_of(d) for d in facts.xpath("dt")), facts.xpath("dd"), strict=True))
    assert text_of(pairs[t("Controller")]) == "Example Association"
    address = pairs[t("Postal address")]
    assert len(address.xpath("br")) == 2 and "400000 Cluj-Napoca" in text_of(address)
    assert text_of(pairs[t("Data protection officer")]) == t(
        "The publisher has not designated a data protection officer.")
    assert not body.xpath(".//p[contains(@class, 'epi-unconfirmed')]")
    status = parse(page_path(out, "de", "status"))
    assert not status.xpath("//ul[@class='epi-decisions']"), "nothing left to decide"
    graph = json.loads(parse(page_path(out, "en")).xpath("//script[@type='application/ld+json']")[0].text)["@graph"]
    publisher = next(n for n in graph if n.get("@id", "").endswith("#publisher"))
    assert publisher["name"] == "Example Association"
    assert publisher["address"]["streetAddress"] == "Strada Exemplu 1, 400000 Cluj-Napoca, Romania"
