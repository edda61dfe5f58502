"""The project's key terms in every language (content/glossary.yml), and the warnings that keep
translations consistent with them.

A warning, not a problem: a translator may have a good reason to phrase a sentence without the
term, so the check advises and the build goes on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from babel import Locale

from .i18n import po_path
from .labels import LabelFiles
from ..safety.limits import MAX_GLOSSARY_FORM_CHARACTERS, MAX_GLOSSARY_FORM_WORDS, MAX_GLOSSARY_FORMS, MAX_GLOSSARY_TERMS
from ..problems import Problems
from ..project import Project
from .sources import read_yaml, rel
from .translations import TextSet

FILE = "content/glossary.yml"
RENDERING_FIELDS = ("write", "note", "accept", "avoid", "gloss")
_MARK = re.compile(r"^translated_from:.*$", re.M)
_WILDCARD = re.compile(r"(?<=[^\s*])\*+(?=\s|$)")  # a run of '*' that ends a word
_MISPLACED = re.compile(r"\*(?!\**(?:\s|$))|(?:^|\s)\*")  # '*' inside or at the start of a word


def comparable(text: str) -> str:
    """Text as the glossary compares it: one Unicode form, no case, no soft hyphen, single spaces."""
    text = unicodedata.normalize("NFC", text).casefold().replace("\u00ad", "")
    return " ".join(text.split())


def _pattern(form: str, *, case: bool = False) -> re.Pattern:
    """``miejsk* strategi* integracji`` as a pattern: ``*`` is any word ending; a form starts and
    ends at word edges (a hyphen counts as part of a word, so AMIF does not match AMIF-2018)."""
    # Only a '*' that ends a word is a wildcard (runs of them count once); any other '*' is a
    # letter. Two wildcards in one word ('a*a*a*b') made the pattern backtrack exponentially on
    # a long word, and the check hung: a word-final \w* is followed by a space or the form's end,
    # which \w cannot match, so each match attempt stays linear. The check refuses such forms.
    form = " ".join(unicodedata.normalize("NFC", form).split()) if case else comparable(form)
    parts = [re.escape(part) for part in _WILDCARD.split(form)]
    body = r"\w*".join(parts).replace(r"\ ", r"\s+")
    return re.compile(rf"(?<![\w-]){body}(?![\w-])")


@dataclass(frozen=True)
class Rendering:
    write: str
    note: str
    accept: tuple[re.Pattern, ...]
    forms: tuple[str, ...]
    avoid: tuple[re.Pattern, ...] = ()
    avoid_forms: tuple[str, ...] = ()
    gloss: tuple[re.Pattern, ...] = ()
    gloss_forms: tuple[str, ...] = ()

    def used_in(self, text: str) -> bool:
        return any(p.search(text) for p in self.accept)


@dataclass(frozen=True)
class Term:
    id: str
    english: tuple[re.Pattern, ...]
    english_forms: tuple[str, ...]
    renderings: dict

    def in_english(self, text: str) -> bool:
        return any(p.search(text) for p in self.english)


def _forms(value, file: str, line: int | None, where: str, problems: Problems) -> tuple[str, ...] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(file, f"'{where}' should be a list of words or phrases", line=line, where=where,
                     fix="write it as '[first form, second form*]', with * for any word ending")
        return None
    if len(value) > MAX_GLOSSARY_FORMS:
        problems.add(file, f"'{where}' has {len(value)} forms; the limit is {MAX_GLOSSARY_FORMS}", line=line,
                     where=where, fix="keep the forms a text really uses; '*' covers every ending of a word",
                     category="unsafe content")
        return None
    for form in value:
        if len(form) > MAX_GLOSSARY_FORM_CHARACTERS or len(form.split()) > MAX_GLOSSARY_FORM_WORDS:
            problems.add(file, f"'{form.strip()[:60]}…' is too long for a term ({len(form.split()):,} words, "
                         f"{len(form):,} characters; the limit is {MAX_GLOSSARY_FORM_WORDS} words and "
                         f"{MAX_GLOSSARY_FORM_CHARACTERS} characters)", line=line, where=where,
                         fix="write the term's word or short phrase only, such as 'integration strateg*'",
                         category="unsafe content")
            return None
        if _MISPLACED.search(form.strip()):
            problems.add(file, f"'{form.strip()}' has a '*' that does not end a word", line=line, where=where,
                         fix="put '*' only at the end of a word, for any ending, such as 'strategi*'",
                         category="unsafe content")
            return None
    return tuple(v.strip() for v in value)


def load_glossary(project: Project, problems: Problems) -> list[Term]:
    data = _read_terms(project, problems)
    if data is None:
        return []
    terms = []
    for tid, entry in list(data.items())[:MAX_GLOSSARY_TERMS]:  # behind the check too, the rest is not read
        term = _term(tid, entry, data.line_of(tid), project.other_languages, problems)
        if term is not None:
            terms.append(term)
    return terms


def _read_terms(project: Project, problems: Problems):
    """The mapping of content/glossary.yml, or None when there is none to read."""
    path = project.content_dir / "glossary.yml"
    if not path.exists():
        return None
    data = read_yaml(path, project.root, problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.add(FILE, "the glossary should hold 'term-id:' entries", line=1,
                     fix="write each term as 'term-id:' followed by 'english:' and one line per language")
        return None
    if len(data) > MAX_GLOSSARY_TERMS:
        extra = list(data)[MAX_GLOSSARY_TERMS]
        problems.add(FILE, f"the glossary has {len(data):,} terms; the limit is {MAX_GLOSSARY_TERMS}",
                     line=data.line_of(extra), where=str(extra), category="unsafe content",
                     fix="keep the project's key terms only; ordinary words need no glossary entry")
    return data


def _term(tid, entry, line: int | None, languages: tuple[str, ...], problems: Problems) -> Term | None:
    """One term, or None when any of its entry is wrong (a term half checked would advise wrongly)."""
    if not isinstance(entry, dict):
        problems.add(FILE, f"the term '{tid}' should hold 'english:' and one entry per language", line=line,
                     where=str(tid), fix=f"write 'english: [...]' and {', '.join(languages)} under '{tid}:'")
        return None
    ok = True
    for key in entry:
        if key != "english" and key not in languages:
            problems.add(FILE, f"'{key}' is not a language of the site", line=entry.line_of(key),
                         where=f"{tid}.{key}",
                         fix=f"use 'english:' for the English forms and one of: {', '.join(languages)}")
            ok = False
    english = _forms(entry.get("english"), FILE, entry.line_of("english"), f"{tid}.english", problems)
    renderings = {}
    for lang in languages:
        right, rendering = _rendering(tid, lang, entry, line, problems)
        ok = ok and right
        if rendering is not None:
            renderings[lang] = rendering
    if not (ok and english):
        return None
    return Term(str(tid), tuple(_pattern(f) for f in english), english, renderings)


def _rendering(tid, lang: str, entry, line: int | None, problems: Problems) -> tuple[bool, Rendering | None]:
    """(whether it is right, the rendering) of a term in one language; one not given yet is a warning."""
    value = entry.get(lang)
    where = f"{tid}.{lang}"
    if value is None:
        # A warning: until a terminologist gives the term, its use in this language is not checked.
        problems.warn(FILE, f"the term '{tid}' has no rendering in {Locale.parse(lang).get_display_name('en')} "
                            f"({lang}) yet, so its use in {lang} texts is not checked", line=line, where=where,
                      fix=f"add '{lang}: ...' under '{tid}:', or '{lang}:' with 'write:' and 'accept:'")
        return True, None
    if isinstance(value, str):
        value = {"write": value}
    if not isinstance(value, dict) or not isinstance(value.get("write"), str) or not value["write"].strip():
        problems.add(FILE, f"the rendering '{where}' has no 'write:'", line=entry.line_of(lang), where=where,
                     fix="write the term as this language writes it, as 'write: ...'")
        return False, None
    unknown = [k for k in value if k not in RENDERING_FIELDS]
    for key in unknown:
        problems.add(FILE, f"'{key}' is not a field of a rendering", line=value.line_of(key)
                     if hasattr(value, "line_of") else entry.line_of(lang), where=f"{where}.{key}",
                     fix=f"the fields are: {', '.join(RENDERING_FIELDS)}")
    at = entry.line_of(lang)
    forms = _forms(value.get("accept", value["write"]), FILE, at, f"{where}.accept", problems)
    avoid = _forms(value["avoid"], FILE, at, f"{where}.avoid", problems) if "avoid" in value else ()
    gloss = _forms(value["gloss"], FILE, at, f"{where}.gloss", problems) if "gloss" in value else ()
    if forms is None or avoid is None or gloss is None or unknown:
        return False, None
    return True, Rendering(value["write"].strip(), str(value.get("note") or "").strip(),
                           tuple(_pattern(f) for f in forms), forms,
                           tuple(_pattern(f, case=True) for f in avoid), avoid,
                           tuple(_pattern(f) for f in gloss), gloss)


def _markdown_text(path: Path) -> str:
    return comparable(_MARK.sub("", path.read_text(encoding="utf-8-sig")))


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _label_units(data: dict, prefix: str = ""):
    """(where, mapping) of each entry of a label file: the first mappings that hold text themselves
    (a chart, a phase, an activity), so a term is looked for entry by entry."""
    for key, value in data.items():
        if not isinstance(value, dict) or key == "translated_from":
            continue
        where = f"{prefix}{key}"
        if any(isinstance(v, str) for v in value.values()):
            yield where, key, value
        else:
            yield from _label_units(value, where + ".")


def _warn(term: Term, lang: str, file: str, problems: Problems, *, line: int | None = None, where: str = "") -> None:
    rendering = term.renderings[lang]
    note = f" ({rendering.note})" if rendering.note else ""
    also = [f for f in rendering.forms if f != rendering.write]
    accepted = f"; accepted forms: {', '.join(also)}" if also else ""
    language = Locale.parse(lang).get_display_name("en")
    problems.warn(file, f"the English text uses '{term.english_forms[0]}' but this translation does not use the "
                        f"{language} term", line=line, where=where or f"glossary: {term.id}",
                  fix=f"write '{rendering.write}'{note}{accepted} (content/glossary.yml, '{term.id}')")


def check_terms(project: Project, terms: list[Term], texts: list[TextSet], labels: list[LabelFiles],
                problems: Problems) -> None:
    """Warn where a translation does not use a term its English text uses."""
    if not terms:
        return
    default = project.default_language
    for text_set in texts:
        source = text_set.files.get(default)
        if source is None:
            continue
        english = _markdown_text(source)
        used = [t for t in terms if t.in_english(english)]
        for lang, path in sorted(text_set.files.items()):
            if lang == default or not used:
                continue
            translation = _markdown_text(path)
            for term in used:
                if lang in term.renderings and not term.renderings[lang].used_in(translation):
                    _warn(term, lang, rel(path, project.root), problems)
    for files in labels:
        english_data = files.data.get(default)
        if not isinstance(english_data, dict):
            continue
        english_units = {where: comparable(" ".join(_strings(v))) for where, _, v in _label_units(english_data)}
        for lang, data in sorted(files.data.items()):
            if lang == default or not isinstance(data, dict):
                continue
            for where, key, value in _label_units(data):
                english = english_units.get(where, "")
                translation = comparable(" ".join(_strings(value)))
                for term in terms:
                    if term.in_english(english) and lang in term.renderings \
                            and not term.renderings[lang].used_in(translation):
                        parent = _parent(data, where)
                        _warn(term, lang, files.file(lang), problems, line=parent.line_of(key) if parent else None,
                              where=f"{where}: {term.id}")


def check_avoided(project: Project, terms: list[Term], files: dict[str, list[Path]], problems: Problems) -> None:
    """Warn, line by line, where a language's text writes a form its glossary entry says to avoid
    ('Fachpartner' for 'technischer Partner'), used or not by the English text: the same thing
    gets one word in every text of the language, the catalog's too. Matched with its case, so that
    Latvian 'Zinātnisko komiteju' is found and 'zinātnisko komiteju' is not."""
    for lang, paths in sorted(files.items()):
        avoided = [(term, term.renderings[lang]) for term in terms
                   if lang in term.renderings and term.renderings[lang].avoid]
        if not avoided:
            continue
        for path in sorted(set(paths)):
            comments = path.suffix in (".po", ".pot", ".yml", ".yaml")  # a '#' line there is not text
            lines = path.read_text(encoding="utf-8-sig").splitlines()
            for number, line in enumerate(lines, start=1):
                if (comments and line.lstrip().startswith("#")) or _MARK.match(line) \
                        or (path.suffix == ".po" and line.startswith("msgid")):
                    continue
                text = unicodedata.normalize("NFC", line).replace("\u00ad", "")
                for term, rendering in avoided:
                    for pattern, form in zip(rendering.avoid, rendering.avoid_forms, strict=True):
                        found = pattern.search(text)
                        if found:
                            note = f" ({rendering.note})" if rendering.note else ""
                            problems.warn(rel(path, project.root),
                                          f"'{found.group(0)}' is not the {Locale.parse(lang).get_display_name('en')} "
                                          f"term for '{term.english_forms[0]}'", line=number,
                                          where=f"glossary: {term.id}",
                                          fix=f"write '{rendering.write}'{note} instead (content/glossary.yml, "
                                              f"'{term.id}', avoid: {form})")


def check_glosses(project: Project, terms: list[Term], files: dict[str, list[Path]], problems: Problems) -> None:
    """Warn where a text gives a term's English in brackets ('gloss:') other than once, right
    after the term's first use: Italian '(City Integration Strategy)' is said once per page."""
    for lang, paths in sorted(files.items()):
        glossed = [(term, term.renderings[lang]) for term in terms
                   if lang in term.renderings and term.renderings[lang].gloss]
        for path in sorted(set(paths)) if glossed else ():
            text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8-sig")).casefold()
            text = _MARK.sub(lambda m: " " * len(m.group(0)), text)
            for term, rendering in glossed:
                glosses = sorted((m for p in rendering.gloss for m in p.finditer(text)), key=lambda m: m.start())
                if not glosses:
                    continue
                uses = sorted((m for p in rendering.accept for m in p.finditer(text)), key=lambda m: m.start())
                first = uses[0] if uses else None
                wrong = [g for g in glosses[1:]]
                if first is None or not re.fullmatch(r"[\s*_]{0,4}", text[first.end():glosses[0].start()]):
                    wrong.insert(0, first or glosses[0])
                for found in wrong:
                    problems.warn(rel(path, project.root),
                                  f"'{rendering.gloss_forms[0]}' belongs once in a text, right after the first "
                                  f"'{rendering.write}'", line=text.count("\n", 0, found.start()) + 1,
                                  where=f"glossary: {term.id}",
                                  fix=f"give the English in brackets only after the first use of the term, and "
                                      f"nowhere else in the text (content/glossary.yml, '{term.id}', gloss)")


def _parent(data: dict, where: str):
    node = data
    for part in where.split(".")[:-1]:
        node = node.get(part) if isinstance(node, dict) else None
    return node if hasattr(node, "line_of") else None


def warn_terms(project: Project, problems: Problems, *, docs, news, partners, issues, labels) -> None:
    """The glossary's warnings over every translatable text that load_content has read."""
    terms = load_glossary(project, problems)
    texts = [page.text_set for page in docs.values()]
    texts += [item.text_set for item in (*news, *partners, *issues) if item.text_set]
    label_files = [files for files in labels if files is not None]
    check_terms(project, terms, texts, label_files, problems)
    files: dict[str, list[Path]] = {}
    for text_set in texts:
        for lang, path in text_set.files.items():
            files.setdefault(lang, []).append(path)
    for label in label_files:
        for lang in label.data:
            files.setdefault(lang, []).append(project.root / label.file(lang))
    for lang in project.other_languages:
        catalog = po_path(project, lang)
        if catalog.exists():
            files.setdefault(lang, []).append(catalog)
    check_avoided(project, terms, files, problems)
    check_glosses(project, terms, {lang: [p for p in paths if p.suffix != ".po"] for lang, paths in files.items()},
                  problems)
