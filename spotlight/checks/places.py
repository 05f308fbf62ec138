"""The patterns of two kinds of place that point to a person: a named school, in English or in
Welsh, and a Welsh street address. ``anonymisation.py`` makes rules of them (``anon-school``,
``anon-address``); they are read in a file of either language.

Schools: "St Mary's Primary School", "Westfield High School", "St Anne's CofE Primary", "Hilltop
C of E Primary", "Bilborough Sixth Form College"; "attends Oakwood Academy", "is at Westgate
Primary", "his former school, Oakfield Academy"; "Ysgol Gynradd Llanfair", "Ysgol Glan Clwyd".
A college ("Derby College"), a training provider ("the Skills Academy", "the Probation
Academy"), "the school nurse" and "a local primary school" name no one's school; nor do the
Welsh "Ysgol Sul" (Sunday school) and "Ysgol Haf" (summer school).

The street someone lives on, moved to or was rehoused in, with no house number: "lives on
Acacia Avenue", "was rehoused in Elm Tree Close"; not an office's ("the office on Station
Road").

Welsh streets put the street word first: "14 Heol y Frenhines", "rhif 9 Ffordd yr Eglwys",
"22 Lôn Las", "5 Maes y Coed"; and, with no number, the street someone lives on or moved to,
the street word in the form a Welsh preposition gives it ("yn byw ar Heol y Frenhines",
"symudodd i Faes y Coed", "yn byw yng Nghae Glas"). An office's street ("Mae'r swyddfa ar Heol
y Frenhines") and a court ("Llys y Goron", "Llys Ynadon") are fine.
"""

from __future__ import annotations

import re

#: Letters of a Welsh word: capitals, and lower case with the circumflex (â, ŵ, ŷ...).
_CAPS = "A-ZÂÊÎÔÛŴŶ"
_LOWER = "a-zà-öø-ÿŵŷ"
#: A capitalised word of a place's name, hyphenated or not: "Frenhines", "Pen-y-Bryn".
_CAP_WORD = rf"[{_CAPS}][{_LOWER}'’]*(?:-[{_CAPS}{_LOWER}][{_LOWER}'’]*)*"


def _name(exclude: str = "") -> str:
    """One to three words of a Welsh place's name, each capitalised or after "y"/"yr" ("y
    Frenhines", "Fawr", "Glan Clwyd"); none of ``exclude``."""
    word = rf"(?!(?:{exclude})(?![\w'’-])){_CAP_WORD}" if exclude else _CAP_WORD
    return rf"(?:[ \t]+(?:yr?[ \t]+)?{word}){{1,3}}(?![\w'’-])"


#: The Welsh street words, as written after a house number.
_STREETS = ("Heol", "Hewl", "Stryd", "Ffordd", "Lôn", "Lon", "Maes", "Cae", "Rhodfa", "Teras",
            "Cilgant", "Clos", "Llwyn", "Gerddi", "Sgwâr", "Sgwar", "Rhes", "Cwrt", "Parc",
            "Llys", "Bro", "Allt", "Bryn", "Dôl", "Dol")
#: The same, as a preposition changes them: soft ("ar Faes", "i Gae") and nasal ("ym Maes",
#: "yng Nghae") mutations.
_MUTATED = ("Faes", "Gae", "Rodfa", "Deras", "Gilgant", "Glos", "Lwyn", "Erddi", "Res", "Gwrt",
            "Barc", "Lys", "Fro", "Fryn", "Ddôl", "Ddol", "Nghae", "Nheras", "Nghilgant",
            "Nghlos", "Ngerddi", "Nghwrt", "Mharc", "Mro", "Mryn", "Nôl")
_STREET = "|".join(_STREETS)
_ANY_STREET = "|".join((*_STREETS, *_MUTATED))
#: What follows a street word and makes it a place of the law or a region, not a street.
_NOT_STREETS = re.compile(r"(?:Llys|Lys)['’]?r? (?:y |yr )?(?:Goron|Ynadon|Teulu|Ieuenctid|Sirol"
                          r"|Apêl|Apel|Barn)|(?:Bro|Fro|Mro) Morgannwg|(?:Parc|Barc|Mharc) "
                          r"(?:Cenedlaethol|Gwledig)")

#: A house number and a Welsh street: "14 Heol y Frenhines", "rhif 9 Ffordd yr Eglwys".
WELSH_ADDRESS = (rf"(?<![\w/.,£$-])(?:(?:[Rr]hif|[Nn]o\.?|[Nn]umber)\s+)?(?!(?:19|20)\d\d\b)"
                 rf"\d{{1,4}}[A-Za-z]?(?:[-–]\d{{1,4}}[A-Za-z]?)?,?\s+(?:{_STREET})(?:['’]r)?"
                 rf"{_name()}")
#: The Welsh words for where someone lives, before the street it is on: lives, moved,
#: stays, was rehoused, home, address, tenancy, flat, house (with their mutations).
_CUES = (r"[Bb]yw|[Ss]ymud\w*|[Aa]ros|[Aa]rhos\w*|[Aa]ilgartref\w*|[Ll]letya|[Pp]reswylio"
         r"|[Cc]h?artref|[Gg]artref|[Nn]ghartref|[Cc]h?yfeiriad|[Gg]yfeiriad|[Nn]ghyfeiriad"
         r"|[Tt]enantiaeth|[Dd]enantiaeth|[Ff]flat|[Tt]h?ŷ|[Dd]ŷ|[Nn]hŷ")
#: Words between a Welsh word for living somewhere and a street that say the street is another
#: place's: an office, a court, a centre, a hostel, a prison, a station, an officer, an
#: appointment, work, a school, a college, a gym, a clinic, a hospital, a surgery, a meeting;
#: attends, goes, reports (with their mutations).
_ELSEWHERE_CY = (r"swyddfa|llys|lys|canolfan|ganolfan|nghanolfan|hostel|carchar|gharchar|gorsaf"
                 r"|orsaf|swyddog|apwyntiad|gwaith|waith|ngwaith|ysgol|coleg|goleg|ngholeg"
                 r"|campfa|gampfa|clinig|glinig|ysbyty|meddygfa|feddygfa|cyfarfod|gyfarfod"
                 r"|mynychu|fynychu|mynd|fynd|adrodd|gweithio|weithio|tîm|dîm|gwasanaeth"
                 r"|wasanaeth|siopa")
#: Welsh words that keep someone away from a place: may not go to, may not visit, excluded,
#: banned, keep away, avoid.
_BARRED_CY = (r"[Nn]id?[ \t]+(?:chaiff|cha|chânt|ddylai|ddylid|all|gall)[ \t]+(?:e[ \t]+|hi[ \t]+)?"
              r"(?:fynd|ymweld|ddychwelyd|fod|deithio|gerdded|yrru)"
              r"|(?<!ac[ \t])(?<!ag[ \t])[Ee]ithri\w*|[GgWw]ahardd\w*|[Nn]gwahardd\w*"
              r"|[CcGg]adw[ \t]+draw|[Oo]sgoi")
#: The street someone lives on, with no number: "yn byw ar Heol y Frenhines", "Mae'n byw
#: uwchben y siop sglodion ar Stryd Pesda"; or, in group "barred", one someone must keep away
#: from: "Ni chaiff fynd i Stryd y Bont", "Cafodd ei eithrio o Ffordd Penrallt".
WELSH_STREET_LIVED = (rf"(?<![\w-])(?:(?:{_CUES})(?:[ \t]+(?!{_ELSEWHERE_CY}\b)[{_LOWER}'’]+)"
                      r"{0,8}?[ \t]+(?:yn|ym|yng|ar|i|ger|at|oddi[ \t]+ar)"
                      rf"|(?P<barred>{_BARRED_CY})(?:[ \t]+(?!{_ELSEWHERE_CY}\b)[{_LOWER}'’]+)"
                      r"{0,3}?[ \t]+(?:i|o|ar|yn|ym|yng|ger|at|heibio|oddi[ \t]+ar))[ \t]+"
                      rf"(?P<flag>(?:{_ANY_STREET})(?:['’]r)?{_name()})")
#: What a street of ``WELSH_STREET_LIVED`` is called where its group "barred" took part in it.
WELSH_KINDS = (("barred", "a street named in an exclusion zone or a condition"),)
#: The strings one of the Welsh street patterns needs.
STREET_NEEDS = tuple(dict.fromkeys((*_STREETS, *_MUTATED)))


def street_valid(text: str) -> bool:
    """False for a court or a region that reads like a street ("Llys y Goron")."""
    return _NOT_STREETS.search(text) is None


#: A capitalised word of a school's name; not one that opens a sentence before it ("The
#: Sixth Form College", "His Primary School years").
_WORD = (r"(?!(?:The|An?|His|Her|Their|Its|Our|My|This|That|He|She|They|We|In|At|To|From"
         r"|When|After|Before|Y|Yr)[ \t])[A-Z][a-z'’-]+")
_CHURCH = (r"(?:C(?:\.[ \t]?)?of(?:\.[ \t]?)?E\.?|C[ \t]of[ \t]E|C\.?E\.?|R\.?C\.?|VA|VC"
           r"|Roman[ \t]Catholic|Catholic|Church[ \t]of[ \t]England|Church[ \t]in[ \t]Wales"
           r"|Methodist)")
_KINDS = r"(?:Primary|Secondary|High|Grammar|Infants?|Junior|Comprehensive|Nursery)"
#: What follows "Primary", "High"... where it is not a school's: "Primary Care", "High
#: Court", "Derby Junior level".
_NOT_AFTER = (r"(?![\w'’-]|[ \t]+(?:[A-Z]|(?:care|level|team|league|section|club|years?|age"
              r"|phase|sector|pupils|children|unit|department|needs|risk|harm|priority"
              r"|intensity|football|rugby|cricket|sports?|squad)\b))")
#: A saint's school: "St Mary's Primary School", "St Anne's CofE Primary".
SAINT_SCHOOL = (rf"(?<![\w-])(?:St\.?|Saint)[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,2}}[ \t]+"
                rf"(?:{_CHURCH}[ \t]+)?(?:(?:{_KINDS}[ \t]+)?(?:School|Academy)(?![\w-])"
                rf"|{_KINDS}{_NOT_AFTER})")
SAINT_NEEDS = ("St ", "St.", "Saint")
#: A school's name and kind: "Westfield High School", "Hilltop Community Primary School".
SCHOOL = (rf"(?<![\w-])(?:{_WORD}[ \t]+){{1,3}}(?:{_CHURCH}[ \t]+)?{_KINDS}[ \t]+"
          r"(?:School|Academy)(?![\w-])")
SCHOOL_NEEDS = ("School", "Academy")
#: A church school with no "School": "Hilltop C of E Primary", "Holy Family Catholic Primary".
CHURCH_SCHOOL = rf"(?<![\w-])(?:{_WORD}[ \t]+){{1,3}}{_CHURCH}[ \t]+{_KINDS}{_NOT_AFTER}"
CHURCH_NEEDS = ("CofE", "C of E", "C.", "CE", "RC", "R.C", "VA", "VC", "Catholic",
                "Church of", "Church in", "Methodist")
#: A sixth form: "Bilborough Sixth Form College", not "the Sixth Form College".
SIXTH_FORM = (rf"(?<![\w-])(?:{_WORD}[ \t]+){{1,3}}Sixth[ \t]+Form"
              r"(?:[ \t]+(?:College|Centre|Academy))?(?![\w-])")
#: Words after which a name and "Academy", "Primary"... is a school: "attends Oakwood
#: Academy", "is at Westgate Primary", "his former school, Oakfield Academy".
_SCHOOL_CUES = (r"[Aa]ttend(?:s|ed|ing)?|[Pp]upils?[ \t]+at|[Ss]tudents?[ \t]+at"
                r"|[Ee]xcluded[ \t]+from|[Gg]o(?:es)?[ \t]+to|[Ww]ent[ \t]+to"
                r"|[Ss]tart(?:s|ed)?[ \t]+at|[Pp]lace[ \t]+at|(?:[Ss]chool|[Aa]cademy)[ \t]*[,:(]"
                r"|(?:is|was|are|were)[ \t]+(?:now[ \t]+|still[ \t]+)?at"
                r"|Year[ \t]+(?:\d{1,2}|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Ss]ix|[Ff]ive"
                r"|[Ff]our|[Tt]hree|[Tt]wo|[Oo]ne)[ \t]+at")
#: Kinds of school, not names: "went to Sunday School", "Drama School".
_GENERIC = (r"(?:Sunday|Drama|Summer|Night|Driving|Art|Music|Dance|Bible|Special|Boarding"
            r"|Medical|Law|Business|Forest|Hospital|Virtual|Secondary|Primary|Infant|Junior"
            r"|Nursery|Grammar|High|Theatre|Film|Language|Flight|Cookery)")
#: Training providers, not schools: "is at Skills Academy", "was at Boxing Academy".
_TRAINING = (r"(?:Skills|Probation|Police|Training|Boxing|Football|Sports?|Leadership|Coaching"
             r"|Apprenticeship|Construction|Digital|Employment|Recovery|Academy)")
#: A name and "Academy", "School" or "Nursery" after one of those: "attends Oakwood
#: Academy", "goes to Kingsway School", "attended Little Acorns Nursery".
SCHOOL_ACADEMY = (rf"(?<![\w-])(?:{_SCHOOL_CUES})[ \t]+(?P<flag>"
                  rf"(?!{_GENERIC}[ \t]+(?:School|Nursery)\b|{_TRAINING}[ \t]+Academy\b)"
                  rf"(?:{_WORD}[ \t]+){{1,3}}(?:Academy|School|Nursery))(?![\w-])")
#: A name and "Primary", "High"... after one of those or "at", "to", "from": "is at Westgate
#: Primary"; not a level of risk ("at Very High risk").
SCHOOL_KIND = (rf"(?<![\w-])(?:{_SCHOOL_CUES}|at|to|from)[ \t]+(?P<flag>(?!Very[ \t])"
               rf"(?:{_WORD}[ \t]+){{1,3}}(?:Primary|Secondary|High|Grammar|Infants|Junior"
               rf"|Comprehensive)){_NOT_AFTER}")
SCHOOL_KIND_NEEDS = ("Primary", "Secondary", "High", "Grammar", "Infants", "Junior",
                     "Comprehensive")
#: Welsh words for the kind of school, before its name: primary, secondary, comprehensive,
#: infants, junior, nursery, Welsh-medium, church, special, middle, all-age, Catholic.
_YSGOL_KINDS = (r"Gynradd|Uwchradd|Gyfun|Fabanod|Babanod|Iau|Feithrin|Gymraeg|Eglwys|Arbennig"
                r"|Ganol|Gatholig|Pob[ \t]+Oed|Sant|Santes")
#: Schools that are not a child's: Sunday, summer, night, medical, business, music, dance,
#: driving.
_NOT_YSGOL = r"Sul|Haf|Nos|Feddygol|Fusnes|Gerdd|Ddawns|Yrru|Gynradd|Uwchradd|Gyfun|Babanod|Iau"
#: A Welsh school's name: "Ysgol Gynradd Llanfair", "Ysgol Glan Clwyd", "Ysgol y Strade".
YSGOL = (rf"(?<![\w-])Ysgol(?:[ \t]+(?:{_YSGOL_KINDS}))*(?:[ \t]+yng[ \t]+Nghymru)?"
         rf"{_name(_NOT_YSGOL)}")


#: The English street words of ``STREET_LIVED`` after any word for living somewhere or
#: keeping away: "lives in Elm Tree Close", "moved to Sneinton Dale", "not to enter Mill Lane".
_STREETS_ANYWHERE = ("Street", "Road", "Avenue", "Lane", "Close", "Drive", "Crescent", "Terrace",
                     "Grove", "Mews", "Gardens", "Way", "Rise", "Walk", "Row", "Boulevard",
                     "Parade", "Croft", "Court", "Place", "Plains", "Dale", "Dene", "Ropewalk",
                     "Hollow", "Brow", "Nook", "Garth", "Spinney", "Copse", "Glade", "Dell",
                     "Paddock", "Paddocks", "Pastures", "Sidings", "Leys", "Lawns", "Embankment",
                     "Esplanade", "Promenade", "Causeway", "Twitchell", "Maltings", "Fold", "Wynd")
#: Street words that end an area's or a place's name as often ("moved to Castle Vale", "lives
#: in Mapperley Hill", "excluded from Canary Wharf"): a street only after "lives on", a house's
#: name ("the Elms, Carlton Hill"), "his address is" or a number in words.
_STREETS_ON = ("Hill", "Vale", "View", "Square", "Gate", "Chase", "Ridge", "Quay", "Wharf",
               "Orchard", "Orchards", "Meadow")
#: Street words that end a park's or an estate's name more often still ("Victoria Park",
#: "Hyson Green"): a street only after a number in words ("twelve Forest Park").
_STREETS_NUMBERED = ("Park", "Green", "Heights", "Meadows", "Circus", "Ridings")
#: The strings a text must hold for ``STREET_LIVED``: each street word it ends in.
STREET_LIVED_NEEDS = (*_STREETS_ANYWHERE, *_STREETS_ON, *_STREETS_NUMBERED)
#: A word between the word for living somewhere and the street that says the place is no
#: home: "moved to the approved premises on Station Road".
_INSTITUTION = (r"(?:premises|office|offices|hostel|centre|center|court|prison|hub|station|team"
                r"|service|clinic|hospital|surgery|unit|shop|branch|meeting|appointment|work)")
#: The last word of a place's name that makes it no home: "moved to Trent House on Station
#: Road" (an approved premises), "stayed at the Salvation Army, Hill Street".
_INSTITUTION_NAME = (r"(?:House|Lodge|Hall|Court|Centre|Center|Hostel|Premises|Offices?|Hub"
                     r"|Station|Prison|Clinic|Hospital|Surgery|Unit|Project|Trust|College"
                     r"|School|Academy|Church|Library|Army|Service|Services|Team|Council)")
#: Words that keep someone away from a place, before the street it names: an exclusion zone,
#: "excluded from", "banned from", "not to enter", "must not go to", "stay away from", "avoid".
_BARRED = (r"[Ee]xclusion[ \t]+(?:zones?|areas?)|[Ee]xclu(?:ded|des|de|ding)|[Bb]anned|[Bb]arred"
           r"|[Pp]rohibited|[Ff]orbidden"
           r"|(?:[Ss]tay(?:s|ed|ing)?|[Kk]e(?:eps?|eping|pt))[ \t]+(?:(?:him|her|them)[ \t]+)?"
           r"(?:well[ \t]+)?away"
           r"|[Nn](?:ot|ever)(?:[ \t]+to)?[ \t]+(?:enter|go|visit|approach|be|loiter|travel"
           r"|return|drive|walk)|[Aa]void(?:s|ed|ing)?")
#: What a street found after one of ``_BARRED`` is called in a finding's message.
BARRED_NOUN = "a street named in an exclusion zone or a condition"
#: What a street found after one of ``_WORK`` is called in a finding's message.
WORK_NOUN = "a street where someone works"
#: Words for a job somewhere, before the place and its street: "works at the Tesco on Hucknall
#: Road", "was employed at a car wash off Alfreton Road".
_WORK = (r"(?:[Ww]ork(?:s|ed|ing)?|[Ee]mployed|[Jj]ob)[ \t]+"
         r"(?:at|in|for|with)")
#: Words between a word for living somewhere and a street further on that say the street is
#: another place's: "lives in Nottingham and attends the office on Station Road", "lives with
#: his mother and reports to the hub at Castle Meadow Road", "works at the probation office
#: on Station Road".
_ELSEWHERE = (rf"{_INSTITUTION}|probation|court|courts|offices?|officers?|appointments?"
              r"|attend\w*|report\w*|meet\w*|met|visit\w*|sign\w*|work\w*|jobs?|employ\w*"
              r"|college|school|academy|gym|class(?:es)?|courses?|sessions?|groups?|library"
              r"|church|mosque|gurdwara|temple|supervision|programme|placement|volunteer\w*"
              r"|shifts?|training|police|custody|arrest\w*|stopped|caught|seen|found"
              r"|incident|offence|assault\w*|robb\w*|burgl\w*|shoplift\w*|fight|attack\w*"
              r"|hearing|sentenced|charged|jobcentre|council|GP|doctor|dentist|pharmacy|chemist")
#: A place over or beside which someone lives, where a shop is no place of work: "lives above
#: the chip shop on Alfreton Road".
_ABOVE = (r"[ \t]+(?:above|over|behind|beside|opposite|next[ \t]+to)[ \t]+(?:the|an?)"
          r"(?:[ \t]+[a-z'’-]+){1,2}?")
#: A place's name in a list of places someone must keep away from: "excluded him from the
#: Sneinton area and from Windmill Lane", "from Bulwell, Basford or Mill Lane".
_LISTED = (r"[A-Z][a-z'’-]+(?=,|[ \t]+(?:and|or|area|estate|district|centre|city|town"
           r"|village|shopping)\b)")
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
#: A house number in words, one to ninety-nine: "fourteen", "Twenty-Three", "forty one".
_NUMBER_WORD = (rf"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
                rf"(?:[- ](?:{_UNITS}))?|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh"
                rf"|nine)teen|{_UNITS})")
_CAPITAL = r"[A-Z][a-z'’-]+"
#: A house's or a place's name before the street it is on: "the Elms, ", "Flat B, ", "Rose
#: Cottage on ", "Derby, on " (in group "home_on" where "on" or "off" follows it).
_HOUSE = (rf"(?:the[ \t]+)?(?:(?:Flat|Apartment)[ \t]+[A-Z](?![\w-])|(?:(?!{_INSTITUTION_NAME}\b)"
          rf"{_CAPITAL}[ \t]+){{0,2}}(?!{_INSTITUTION_NAME}\b){_CAPITAL})"
          r"(?:,?[ \t]+(?P<home_on>on|off)[ \t]+|,[ \t]*)")
#: What follows a count of things named like a street, not a house number in words: "two
#: Health Walk sessions", "one Derby Road flat".
_COUNTED = (r"(?!(?:this|thus|always|afterwards|towards|sometimes|besides|nowadays|whereas|unless"
            r"|perhaps)\b)[a-z]{3,}s|flat|house|home|property|address|area|estate|office|shop"
            r"|site|hostel|branch|team|stall|resident|surgery|clinic|centre|project|group"
            r"|session|meeting|event")
#: A street named after a word for living somewhere, a few words apart at most: "lives on
#: Acacia Avenue", "was staying with his older brother on Nottingham Road", "lives two streets
#: away, on Elm Road"; not a court ("moved to the Crown Court"). With a house's name before it,
#: in group "home": "lived at the Elms, Kendal Road". After "his address is" (group "given"):
#: "his address was Kendal Road". Or, in group "barred", one that someone must keep away from:
#: "an exclusion zone covering Acacia Avenue", "not to enter Mill Lane", "excluded from Orchard
#: Close"; not a court of any kind ("excluded from the Drug Court programme"), nor the High
#: Street or the Market Place of a town ("not to enter the High Street after 9pm"). Or, in group
#: "number", a house number in words and its street: "moved to fourteen Fairfield Road"; not a
#: count of things ("went to two Health Walk sessions").
STREET_LIVED = (
    r"(?<![\w-])(?:(?:[Ll]ive[sd]?|[Ll]iving|[Rr]eside[sd]?|[Rr]esiding|[Ss]tay(?:s|ed|ing)?"
    r"|[Mm]ov(?:e|es|ed|ing)|(?:re)?housed|[Hh]ome|[Aa]ddress|[Tt]enancy|[Ff]lat|[Hh]ouse"
    r"|[Ss]ofa[ -]surf(?:s|ed|ing)?|[Cc]ouch[ -]surf(?:s|ed|ing)?|[Ss]le(?:eps?|eping|pt)"
    r"[ \t]+rough)"
    rf"(?:(?:{_ABOVE}|[ \t]+(?!{_INSTITUTION}\b)[a-z'’-]+){{0,5}}?,?[ \t]+"
    r"(?:(?P<on>on|off)|in|at|to|into|(?:top|bottom|end|far[ \t]+end)[ \t]+of)"
    rf"|(?P<far>(?:{_ABOVE}|[ \t]+(?!(?i:{_ELSEWHERE})\b|{_INSTITUTION_NAME}\b)[\w'’-]+,?)"
    r"{1,12}?[ \t]+(?:on|in|at|off)))"
    rf"|(?P<work>{_WORK})(?:[ \t]+(?!(?i:{_ELSEWHERE})\b)[\w'’-]+){{0,4}}?,?[ \t]+"
    r"(?:on|in|at|off)"
    r"|(?P<given>[Aa]ddress(?:[ \t]+(?:is|was|as)|:))"
    rf"|(?P<barred>{_BARRED})(?:[ \t]+(?!{_INSTITUTION}\b)(?:[a-z'’-]+|{_LISTED}),?){{0,8}}?"
    rf"|(?P<number>at|to|into|from|of|[Nn]umber)(?=[ \t]+{_NUMBER_WORD}[ \t]))[ \t]+"
    rf"(?P<flag>(?(number){_NUMBER_WORD}[ \t]+|(?(barred)|(?(far)|(?(work)|(?P<home>{_HOUSE})?))))"
    r"(?!(?:Crown|County|Youth|Family|Magistrates['’]?|Combined|Coroner['’]?s|High"
    r"|Supreme|Appeal)[ \t]+Court\b)"
    r"(?(barred)(?!(?:High[ \t]+Street|Market[ \t]+Place)\b|(?:[A-Z][a-z'’-]+[ \t]+){1,3}Court\b))"
    rf"(?:{_CAPITAL}[ \t]+){{1,3}}(?:{'|'.join(_STREETS_ANYWHERE)}"
    rf"|(?(barred)(?!)|(?(on)|(?(home_on)|(?(given)|(?(number)|(?!))))))(?:{'|'.join(_STREETS_ON)})"
    rf"|(?(number)(?:{'|'.join(_STREETS_NUMBERED)})|(?!))))\b"
    rf"(?(number)(?![ \t]+(?:{_COUNTED})\b))")
#: What a street of ``STREET_LIVED`` is called where one of these groups took part in it.
STREET_KINDS = (("barred", BARRED_NOUN), ("number", "a house number and street"),
                ("home", "an address"), ("work", WORK_NOUN))
