"""What ``spotlight check`` reports: findings located by file, line and column, and the rules
that produce them, each with a stable code an author can waive."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    """One thing ``check`` found, at a 1-based line and column of a content file.

    ``text`` is the flagged text itself (a postcode, an abbreviation, a first name...): a
    waiver's ``match`` is compared with it.
    """

    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    text: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.code}: {self.message}"

    def as_dict(self) -> dict[str, str | int]:
        """The fields of the text format, for ``--format json``."""
        return {"path": self.path, "line": self.line, "col": self.col,
                "severity": self.severity, "code": self.code, "message": self.message}


@dataclass(frozen=True)
class Rule:
    """A kind of finding: its code, its severity and what it means."""

    code: str
    severity: Severity
    family: str
    summary: str


RULES: dict[str, Rule] = {rule.code: rule for rule in (
    Rule("invalid", "error", "build", "the build would refuse this content (schema, "
         "cross-references, images, templates)"),
    Rule("theme-override", "warning", "build", "something in the theme override folder that a "
         "build warns about: a template file that no page uses, a stylesheet that fetches a "
         "file from another site"),
    Rule("ref-uncited", "warning", "references", "a reference that nothing in the report cites"),
    Rule("ref-link", "error", "references", "an internal link to a page or file the build does "
         "not publish"),
    Rule("ref-anchor", "error", "references", "an internal link to an anchor (#...) that the "
         "target page lacks"),
    Rule("ref-empty", "warning", "references", "a report without examples, which would be "
         "published empty; a section it lists without examples (in the report's language), "
         "which is left out of the published report"),
    Rule("ref-duplicate-title", "error", "references", "two examples in one report with the same "
         "title"),
    Rule("anon-postcode", "error", "anonymisation", "a full UK postcode"),
    Rule("anon-phone", "error", "anonymisation", "a UK telephone number, in the text or in a "
         "link (tel:)"),
    Rule("anon-email", "error", "anonymisation", "an e-mail address, in the text or in a link "
         "(mailto:)"),
    Rule("anon-ni-number", "error", "anonymisation", "a National Insurance number"),
    Rule("anon-nhs-number", "error", "anonymisation", "an NHS number (10 digits that pass the "
         "NHS modulus 11 check)"),
    Rule("anon-prison-number", "error", "anonymisation", "a prison number such as A1234BC or "
         "a1234bc"),
    Rule("anon-pnc-id", "error", "anonymisation", "a Police National Computer identifier such "
         "as 2019/0012345A"),
    Rule("anon-id-number", "error", "anonymisation", "an identity number: a Criminal Records "
         "Office (CRO) number such as 012345/98A, a driving licence number such as "
         "MORGA657054SM9IJ, or a passport number"),
    Rule("anon-date-of-birth", "error", "anonymisation", "a date of birth"),
    Rule("anon-exact-date", "warning", "anonymisation", "an exact date (day and month) in a case "
         "about a person"),
    Rule("anon-address", "error", "anonymisation", "a house number and street name (14 "
         "Acacia Avenue, fourteen Fairfield Road), a house's name and street (the Elms, Kendal "
         "Road), the street someone lives on or works on (lives on Acacia Avenue, works at the "
         "Tesco on Hucknall Road), a street they must keep away from (an exclusion zone "
         "covering Mill Lane), or a what3words address (///filled.count.soap)"),
    Rule("anon-school", "error", "anonymisation", "a named school (St Mary's Primary School, "
         "Oakwood Academy), which points to a family"),
    Rule("anon-name", "error", "anonymisation", "a title or rank with a name (Mr Whitlock, DS "
         "Morgan) or a collar number (PC 1234), an initial with a surname (J. Brookes) or a first "
         "name with a surname (Darren Whitlock)"),
    Rule("anon-vehicle", "error", "anonymisation", "a vehicle registration such as AB12 CDE"),
    Rule("anon-social", "error", "anonymisation", "a social-media handle (@name, on TikTok "
         "as name_99, Snapchat: name, his gamertag, name_92) or profile address "
         "(instagram.com/name, linktr.ee/name)"),
    Rule("anon-case-number", "error", "anonymisation", "a probation case reference number "
         "(CRN) such as X123456, a Crown Court case number such as T20247123, or a case or "
         "reference number after the words for it (case number, Home Office reference, MAPPA "
         "reference, reference number)"),
    Rule("anon-bank-details", "error", "anonymisation", "a bank account number or a sort code "
         "(after the words account and sort code), or a payment card number"),
    Rule("anon-name-reused", "warning", "anonymisation", "the same first name for two different "
         "people in one report (confusing, but it identifies no one)"),
    Rule("unfinished-placeholder", "error", "unfinished work", "a placeholder that spotlight "
         "import or new report wrote (the date 1900-01-01, a '# PLACEHOLDER' mark)"),
    Rule("unfinished-mark", "error", "unfinished work", "an editorial mark: TODO, TK, XX, "
         "FIXME, TBC, [check]"),
    Rule("unfinished-guidance", "error", "unfinished work", "the guidance that spotlight new "
         "example writes in a new example, left in"),
    Rule("style-abbr-not-expanded", "warning", "house style", "a glossary abbreviation not "
         "spelled out at its first use in a report (English reports only)"),
    Rule("style-abbr-expanded-again", "warning", "house style", "a glossary abbreviation "
         "spelled out again after its first use in a report (English reports only)"),
    Rule("style-abbr-unknown", "warning", "house style", "an all-capitals abbreviation that "
         "is neither in the glossary nor in known_abbreviations"),
    Rule("style-no-outcome", "warning", "house style", "a case about a person without an "
         "Outcome, where its practice theme expects one"),
    Rule("style-heading-skip", "warning", "house style", "a subheading that skips a level "
         "(a '###' with no '##' before it), which breaks the page's outline for screen "
         "readers"),
    Rule("style-title-markdown", "warning", "house style", "Markdown marks (*emphasis*, "
         "**bold**, `code`, [a link](...)) in a title or label, which is plain text: the marks "
         "would be shown as written"),
    Rule("style-title-long", "warning", "house style", "a report's or an example's title "
         "longer than 120 characters, which fills a handout's heading and the PDF's title"),
    Rule("facts-exceed", "error", "facts", "summary facts that are part of a total add up to "
         "more than it"),
    Rule("facts-incomplete", "error", "facts", "summary facts declared to complete a total "
         "(parts_complete) do not add up to it"),
    Rule("facts-no-parts", "warning", "facts", "a fact with parts_complete that no fact is "
         "part of"),
    Rule("translation-missing", "warning", "translations", "a report of the main language "
         "without a translation into another language the site publishes (an error unless "
         "the site file says translations: warning)"),
    Rule("translation-unknown", "warning", "translations", "a translation_of that names no "
         "report or example (an error unless the site file says translations: warning)"),
    Rule("translation-names", "warning", "translations", "a report in the site's other "
         "language whose pages show names from the site file (practice themes, standards, "
         "regions, PDUs, sentence types, abbreviations, the site's title, the licence) in the "
         "main language, because the site file gives no translation of them under 'cy:' (or "
         "'en:'); said once for each report"),
    Rule("translation-link", "warning", "translations", "a link from a text in one language to "
         "an example in another, whose readers land on a page in a language they did not "
         "choose"),
    Rule("statement-incomplete", "warning", "accessibility statement", "an accessibility "
         "statement without a way to report a problem (`contact`), without the date it was "
         "prepared (`prepared`), or not fully compliant and listing no content that is not "
         "accessible (`known_issues`)"),
    Rule("waiver-unused", "warning", "waivers", "a waiver that matches no finding"),
    Rule("waiver-unknown-code", "warning", "waivers", "a waiver naming a code that does not "
         "exist"),
)}


def finding(code: str, path: str, position: tuple[int, int], message: str,
            text: str = "") -> Finding:
    """A finding of rule ``code`` at ``position`` (line, column), with the rule's severity."""
    line, col = position
    return Finding(path, line, col, RULES[code].severity, code, message, text)
