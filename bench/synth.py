"""Generate a deterministic synthetic content folder: N examples across R reports."""

from __future__ import annotations

import random
from pathlib import Path

THEMES = [
    ("organisational-arrangements", "Organisational arrangements and activity"),
    ("court-work", "Court work"),
    ("aspire", "The ASPIRE model of case supervision"),
    ("professional-curiosity", "Professional curiosity"),
    ("resettlement", "Resettlement"),
    ("public-protection", "Public protection"),
    ("interventions", "Interventions"),
    ("statutory-victim-work", "Statutory victim work"),
    ("management-oversight", "Management oversight"),
]
STANDARDS = ["1.1", "1.2", "2.1", "2.2", "2.3", "2.4"]
NAMES = ["Alex", "Bea", "Cal", "Dee", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jo", "Kit", "Lou"]
WORDS = [
    "practitioner",
    "assessment",
    "planning",
    "risk",
    "review",
    "engagement",
    "desistance",
    "victim",
    "safety",
    "licence",
    "order",
    "partnership",
    "police",
    "housing",
    "support",
    "contact",
    "enquiry",
    "referral",
    "supervision",
    "approved",
    "premises",
    "oversight",
    "manager",
    "liaison",
    "recall",
    "programme",
]


def _sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def generate(root: Path, examples: int, reports: int, seed: int = 7) -> Path:
    """Write the content folder at ``root`` and return it."""
    rng = random.Random(seed)
    (root / "reports").mkdir(parents=True, exist_ok=True)
    (root / "examples").mkdir(parents=True, exist_ok=True)
    themes = "\n".join(
        f"  - slug: {s}\n    title: {t}\n    intro: {_sentence(rng)}" for s, t in THEMES
    )
    standards = "\n".join(
        f'  - code: "{c}"\n    title: Standard {c}\n    text: {_sentence(rng)}' for c in STANDARDS
    )
    regions = "\n".join(
        f"  - slug: region-{r}\n    name: Region {r}\n    pdus:\n"
        + "\n".join(f"      - slug: pdu-{r}-{p}\n        name: PDU {r}.{p}" for p in range(4))
        for r in range(reports)
    )
    (root / "site.yml").write_text(
        "title: Synthetic Spotlights\norganisation: Bench Inspectorate\nlanguage: en-GB\n"
        "base_url: https://bench.example.org/\nlicence: Bench licence.\n"
        f"practice_themes:\n{themes}\nstandards:\n{standards}\nregions:\n{regions}\n"
        "sentence_types:\n  - slug: community-order\n    name: Community order\n"
        "glossary:\n  PP: probation practitioner\n",
        encoding="utf-8",
    )
    for r in range(reports):
        (root / "reports" / f"report-{r}.yml").write_text(
            f"title: Synthetic report {r}\nregion: region-{r}\nfieldwork:\n  start: 2025-01-06\n"
            f"  end: 2025-02-14\npublished: 2025-{1 + r % 12:02d}-{1 + r % 28:02d}\n"
            f"introduction: |\n  {_sentence(rng, 40)}\n",
            encoding="utf-8",
        )
    for n in range(examples):
        r = n % reports
        theme = THEMES[n % len(THEMES)][0]
        body = [f"{rng.choice(NAMES)}, a {20 + n % 50}-year-old, {_sentence(rng, 30).lower()}", ""]
        for _ in range(3):
            body += [f"## {_sentence(rng, 4)[:-1]}", ""]
            body += [f"- {_sentence(rng)}" for _ in range(4)] + [""]
        body += ["## Outcome", "", _sentence(rng, 35), ""]
        (root / "examples" / f"example-{n:05d}.md").write_text(
            "---\n"
            f"title: Synthetic example {n}\nreports: [report-{r}]\npractice_theme: {theme}\n"
            f"region: region-{r}\npdu: pdu-{r}-{n % 4}\n"
            f'standards: ["{STANDARDS[n % len(STANDARDS)]}"]\n'
            "sentence_type: community-order\n---\n" + "\n".join(body),
            encoding="utf-8",
        )
    return root
