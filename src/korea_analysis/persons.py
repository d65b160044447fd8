"""People the dictionary does not hold: their names, and the country the article gives them.

A name is two to four capitalised words in the shapes news uses — Korean ("Kim Jong Un",
"Kim Jong-un", "Koo Byoung-sam"), Chinese ("Geng Shuang"), Japanese, Russian and Western
("Kenji Wakamiya", "Lou Leon Guerrero") — taken only where the sentence marks it as a
person: after a role word or title ("ministry spokesman Koo Byoung-sam"), before an
apposition (", a researcher at …") or "of the <body>", or before a speech verb. Its country
is decided by the first of these that answers (the mention's ``actor_source``):

``title``        a nationality, state institution or territory in the words before the name
                 ("The British Ambassador to the UN, Karen Pierce": the first one, GBR;
                 "Guam Gov. …": USA);
``institution``  a body of affiliations.yaml in the title or the apposition ("Jeffrey
                 Lewis, a researcher at the Middlebury Institute");
``apposition``   a nationality in the apposition ("…, South Korea's deputy trade minister");
``context``      a government role with no nationality ("Spokesperson Geng Shuang") takes the
                 state institution the article named last before it, else the dateline's
                 country, else the one state whose office holders the article has named;
                 anyone "said in Tokyo" takes the city's country. The context comes last:
                 what the apposition or an "of …" says about the person wins over it.

A relative clause (", whose daughter was abducted by North Korean agents,") is read past,
never for a nationality. Nothing is guessed: a name none of these decides is not recorded.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from korea_analysis.actors import ActorDictionary, tokens

ROLE_WORDS = (
    "professor", "minister", "adviser", "advisor", "spokesperson", "spokesman", "spokeswoman",
    "analyst", "researcher", "fellow", "director", "ambassador", "envoy", "official",
    "secretary", "chief", "head", "president", "chairman", "chairwoman", "lawmaker", "senator",
    "leader", "general", "commander", "expert", "scholar", "diplomat", "premier", "lecturer",
    "representative", "negotiator", "governor", "mayor", "editor", "correspondent",
    "candidate", "nominee", "speaker", "rapporteur", "attaché", "attache",
)
_ROLE = re.compile(r"\b(?i:" + "|".join(ROLE_WORDS) + r")s?\b")
#: roles held in a government: with no nationality at the name, the article's context decides
GOVERNMENT_ROLES = frozenset({
    "minister", "spokesperson", "spokesman", "spokeswoman", "ambassador", "envoy", "official",
    "secretary", "diplomat", "premier", "negotiator", "lawmaker", "commander", "general",
    "governor", "mayor", "senator", "representative", "adviser", "advisor", "soldier",
    "attaché", "attache"})
#: a party's candidate named by the party's word ("Democratic presidential candidate …"):
#: the word is no country (South Korea and Japan have Democratic parties too), so the
#: article's context decides, and only when that country has a party of that word
_PARTY_CANDIDATE = re.compile(
    r"\b(?P<party>[A-Z][a-z]+)\s+(?:(?:presidential|vice-presidential|Senate|House|"
    r"gubernatorial|congressional|mayoral|primary|party)\s+)?(?:candidate|nominee|hopeful|"
    r"front-runner)s?\b")
_PARTY_WORDS: dict[int, dict[str, frozenset[str]]] = {}


def _party_words(actors: ActorDictionary) -> dict[str, frozenset[str]]:
    """The first word of each party's name in the dictionary -> the countries with such a
    party ("Democratic" -> KOR, JPN, USA, ...)."""
    got = _PARTY_WORDS.get(id(actors.actors))
    if got is None:
        found: dict[str, set[str]] = {}
        for code, data in actors.actors.items():
            for inst in data.get("institutions") or ():
                if inst.get("type") == "party":
                    for name in (inst["name"], *(inst.get("aliases") or ())):
                        found.setdefault(name.split()[0], set()).add(code)
        got = _PARTY_WORDS[id(actors.actors)] = {w: frozenset(c) for w, c in found.items()}
    return got
_PARTIES: dict[int, frozenset[str]] = {}


def _parties(actors: ActorDictionary) -> frozenset[str]:
    """The names of the dictionary's parties (institutions of type ``party``)."""
    got = _PARTIES.get(id(actors.actors))
    if got is None:
        got = _PARTIES[id(actors.actors)] = frozenset(
            inst["name"] for data in actors.actors.values()
            for inst in data.get("institutions") or () if isinstance(inst, dict)
            and inst.get("type") == "party")
    return got


_TITLE_WORDS = {
    "President", "Prime", "Minister", "Secretary", "Vice", "Deputy", "Foreign", "Defense",
    "Defence", "Leader", "General", "Gen", "Ambassador", "Chairman", "Premier", "Senator", "Sen",
    "Rep", "Dr", "Mr", "Mrs", "Ms", "Professor", "Prof", "Former", "Supreme", "State", "Chief",
    "Admiral", "Adm", "Spokesperson", "Spokesman", "Gov", "Governor", "Mayor", "Lt", "Col",
    "Maj", "Capt", "Sgt", "Marshal", "Director", "Envoy", "Special", "Representative",
    "Commander", "Minister's", "Unification", "Trade", "Finance", "Interior", "Justice",
    "Senior", "Acting", "First", "Executive", "Cabinet", "National", "Security", "Adviser",
    "Advisor", "Assistant", "Under", "Undersecretary", "Lawmaker", "Rev", "Sir",
    "Lord", "Lady", "Dame", "Queen", "King", "Prince", "Princess", "Pope", "Chancellor",
    "Pvt", "Cpl", "Speaker", "Sergeant", "Private", "Corporal", "Lieutenant", "Colonel",
    "Captain", "Rapporteur",
}
#: capitalised words that never start or sit inside a person's name
_NOT_NAME = {
    "The", "A", "An", "In", "On", "At", "But", "And", "Or", "If", "As", "This", "That", "These",
    "Those", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
    "Oct", "Nov", "Dec", "Ministry", "Department", "Office", "Agency", "Council", "Committee",
    "Party", "Army", "Navy", "Force", "Forces", "Command", "University", "Institute", "Center",
    "Centre", "News", "Times", "Post", "Daily", "Press", "Herald", "Journal", "Korea", "Korean",
    "North", "South", "East", "West", "United", "Nations", "States", "Republic", "People",
    "Peninsula", "Sea", "Island", "Islands", "City", "Province", "Street", "House", "Hall",
    "Assembly", "Congress", "Senate", "Parliament", "Government", "Group", "Foundation",
    "Association", "Union", "Bank", "Company", "Corporation", "Co", "Inc", "Ltd", "Corp",
    "Photo", "Reporting", "Editing", "Writing", "By", "Staff", "Reporter", "When", "While",
    "After", "Before", "During", "Since", "From", "With", "For", "To", "Of", "Not", "No", "So",
    "Yet", "Also", "Then", "There", "Here", "What", "Who", "Why", "How", "Where", "Which",
    "Olympic", "Olympics", "Games", "War", "Summit", "Day", "Year", "Week", "Liberation",
    "Workers", "Central", "Military", "Democratic", "Supreme", "Air", "Defense", "Defence",
    # portfolio and office words before a name ("official for Asia Tom Hadley", "Expert Panel
    # Overseeing Sanctions")
    "Affairs", "Policy", "Planning", "Strategy", "Intelligence", "Relations", "Operations",
    "Communications", "Information", "Cooperation", "Development", "Diplomacy", "Economy",
    "Economic", "Agriculture", "Industry", "Energy", "Health", "Education", "Culture",
    "Environment", "Science", "Technology", "Asia", "Asian", "Pacific", "Europe", "European",
    "Africa", "African", "Oceania", "Oceanian", "Americas", "Panel", "Sanctions", "Mandate",
    "Expert", "Experts", "Resolution", "Overseeing",
    # places and bodies, never a person's name ("in New York, New Jersey", "Blackhawk Mining,
    # a coal company in Kentucky", "the Congressional Black Caucus")
    "New", "County", "District", "Federal", "Mining", "Holdings", "Partners", "Capital",
    "Industries", "Motors", "Airlines", "Electronics", "Oil", "Gas", "Coal", "Solutions",
    "Technologies", "Systems", "Networks", "Network", "Services", "Fund", "Trust", "Society",
    "Club", "League", "Caucus", "Congressional", "Coalition", "Alliance", "Project",
    "Initiative", "Campaign", "Commission", "Board", "Authority", "School", "College",
    "Hospital", "Station", "Base", "Airport", "Port", "Square", "Building", "Road", "Avenue",
    "Village",  # (not "Park", "Church", "Tower", "Court", "Steel": surnames too)
    # quantifiers that open a sentence ("Many Democrats, including …")
    "Many", "Some", "Most", "Several", "Few", "Both", "All", "Other", "Others",
}
#: surnames written first (Korean, Chinese): "Kim Jong Un" is Kim's, "Li Qiang" is Li's
SURNAME_FIRST = {
    "Kim", "Lee", "Yi", "Ri", "Park", "Pak", "Choi", "Choe", "Jung", "Chung", "Jeong", "Kang",
    "Cho", "Jo", "Yoon", "Yun", "Jang", "Chang", "Lim", "Im", "Han", "Oh", "Seo", "Shin", "Kwon",
    "Hwang", "Ahn", "An", "Song", "Yang", "Hong", "Ko", "Koh", "Go", "Moon", "Mun", "Son", "Bae",
    "Baek", "Suh", "Nam", "Noh", "No", "Ryu", "Yoo", "Wi", "Chun", "Ban", "Li", "Wang",
    "Zhang", "Liu", "Chen", "Zhao", "Xi", "Wu", "Huang", "Zhou", "Xu", "Sun", "Ma", "Hu", "Guo",
    "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Tang", "Feng", "Deng", "Cao",
    "Qin", "Mao", "Dong", "Yu", "Cui", "Jiang", "Fu", "Shen", "Pan", "Du", "Ye", "Cheng", "Wei",
}
#: words of _NOT_NAME that are also syllables of Chinese and Korean given names: after a
#: surname written first they are part of the name ("Liu Jun", "Hwang Pyong So")
_GIVEN_SYLLABLES = frozenset({"Jun", "So", "No", "An", "He"})
_TOK = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
#: a Korean given name of two syllables joined by a hyphen ("Koo-rae", "Jae-In")
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[A-Za-z][a-z]+")
_NAME = re.compile(rf"{_TOK}(?: {_TOK})+")  # titles too: cut by _clean_name
_WORD = re.compile(r"[\w’'.-]+")
# after the name: an apposition or a relative clause up to the next comma/stop
_AFTER = re.compile(r",\s+(?P<desc>[^,;:“”\"()]{3,160})")
_RELATIVE = re.compile(r"\b(?:who|whose|whom|which|that|where|when)\b")
_REL_START = re.compile(r"(?:who|whose|whom|which|where|when)\b")
#: the words a party is described with between "the" and its name: "of the ruling People
#: Power Party", "of the main opposition Democratic United Party"
_PARTY_MODIFIERS = (r"(?:(?:ruling|governing|main|minor|opposition|conservative|liberal|"
                    r"progressive|centrist|splinter|far-right|far-left|new)\s+){0,3}")
_OF_BODY = re.compile(r"\s+(?:of|at|from)\s+(?:the\s+)?(?P<mods>" + _PARTY_MODIFIERS
                      + r")(?P<body>[A-Z][^,;:“”\"()]{2,100})")
_SAID_IN = re.compile(r",?\s+(?:said|says|told\s+(?:reporters|journalists|a\s+\w+))"
                      r"(?:\s+on\s+\w+)?\s+in\s+(?P<city>[A-Z][a-z]+)"
                      r"(?:,?\s+(?:near|outside)\s+(?P<near>[A-Z][a-z]+))?")
#: a sentence that opens on where the person is: "In Kobe, western Japan, Aiko Mori, 71,
#: said …" (as "said in Tokyo")
_IN_PLACE = re.compile(r"\W{0,3}In\s+(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
                       r"(?:,\s+(?P<region>(?:[a-z]+\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?,\s+")
_AGE = re.compile(r",\s+\d{1,3}\s*,")
#: "(R-Texas)", "(D-N.Y.)", ", I-Vt.,": a US lawmaker's party and state after the name
_PARTY_STATE = re.compile(r"\s*[(,]\s*[RDI]-[A-Z][A-Za-z]*\.?(?:\s?[A-Z][A-Za-z]*\.?)?\s*[),]")
_SPEECH_AFTER = re.compile(r",?\s+(?:said|says|told|added|stressed|noted|urged|warned)\b")
# "TOKYO (Kyodo) --", "BEIJING, March 3 (Xinhua) —", "Seoul, Jan. 5 (Yonhap) -", after a
# bracketed date: "[December 19, 2011]  PYONGYANG, North Korea (AP) --"
_DATELINE = re.compile(r"^\W{0,3}(?:\[[^\]\n]{1,30}\]\s*)?"
                       r"(?P<city>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?)\s*"
                       r"(?:,[^\n(–—-]{0,30})?\s*(?:\([^)\n]{1,40}\))?\s*(?:--|[–—-])",
                       re.MULTILINE)
# TASS style: "PYONGYANG, November 25. /TASS/."
_DATELINE_SLASH = re.compile(r"^\W{0,3}(?P<city>[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?),"
                             r"[^\n/]{1,25}/[A-Z][A-Za-z-]{1,15}/", re.MULTILINE)
_OF_GATE = re.compile(r"[a-z] (?:of|at|from) (?:the )?" + _PARTY_MODIFIERS.replace(r"\s+", " ")
                      + "[A-Z]")
_ABBREV_BEFORE = re.compile(r"\b(?:Gov|Sen|Rep|Gen|Adm|Lt|Col|Maj|Capt|Sgt|Pvt|Cpl|Dr|Prof|Amb)"
                            r"\.\s*$")
_ABBREV_TITLE = re.compile(r"\b(?:(?:Gov|Sen|Rep|Gen|Adm|Lt|Col|Maj|Capt|Amb|Sgt|Pvt|Cpl)\.|"
                           r"Sergeant|Private|Corporal|Lieutenant|Colonel|Captain) [A-Z]")


def first_actor(text: str, a: int, b: int, actors: ActorDictionary) -> str | None:
    """First actor named inside text[a:b] (for a new person's description). A country's
    name written where its nationality would go, before an expert's noun ("a North Korea
    expert", "China watchers"), is the subject they study, not their country: skipped."""
    toks = tokens(text, a, b)
    for i, (tok, _, _) in enumerate(toks):
        for n in range(min(actors.first.get(tok, 0), len(toks) - i), 0, -1):
            e = actors.entries.get(tuple(t for t, _, _ in toks[i:i + n]))
            if e and e.actors:
                if e.kind == "country" and _topic_of_expert(toks, i, n):
                    break
                if e.actors[0].startswith("IGO") and _seat_of_delegates(toks, i + n):
                    break
                return e.actors[0]
    return None


#: who sits at an international organisation for a state: "UN diplomats", "Security Council
#: members" speak for their states, not for the organisation (its own staff are "officials")
_DELEGATE_NOUNS = frozenset({"diplomat", "diplomats", "ambassador", "ambassadors", "delegate",
                             "delegates", "delegation", "delegations", "member", "members"})


def _seat_of_delegates(toks, k: int) -> bool:
    """toks[k] (after an organisation's name), at most one lower-case word on, is a
    delegate's noun: "UN diplomats", "U.N. Security Council member states"."""
    for t, _, _ in toks[k:k + 2]:
        if t in _DELEGATE_NOUNS:
            return True
        if not t.isalpha() or not t.islower():
            return False
    return False


def joint_states(text: str, a: int, b: int, actors: ActorDictionary) -> bool:
    """text[a:b] names two states joined by "and" ("Ukrainian and American officials",
    "U.S. and South Korean diplomats"): a group of both, who speak for neither alone."""
    toks = tokens(text, a, b)
    prev_code, prev_end, i = None, -1, 0
    while i < len(toks):
        hit = 0
        for n in range(min(actors.first.get(toks[i][0], 0), len(toks) - i), 0, -1):
            e = actors.entries.get(tuple(t for t, _, _ in toks[i:i + n]))
            if e is not None and e.kind in ("country", "demonym") and len(e.actors) == 1:
                code = e.actors[0]
                if (prev_code is not None and code != prev_code
                        and [t for t, _, _ in toks[prev_end:i]] in (["and"], [",", "and"])):
                    return True
                prev_code, prev_end, hit = code, i + n, n
                break
        i += hit or 1
    return False


#: the nouns of people who study a subject: "a North Korea expert", "Russia specialists"
_EXPERT_NOUNS = frozenset({
    "expert", "experts", "analyst", "analysts", "specialist", "specialists", "watcher",
    "watchers", "observer", "observers", "scholar", "scholars", "researcher", "researchers",
    "hand", "hands", "historian", "historians", "academic", "academics"})


def _topic_of_expert(toks, i: int, n: int) -> bool:
    """The country name toks[i:i+n] modifies an expert's noun, at most two lower-case words
    between ("North Korea leadership experts"). A name in capitals or with dots is the usual
    adjective of its state ("U.S. experts", "ROK analysts") and does not count; a
    possessive ("China's experts") is whose they are."""
    words = [t for t, _, _ in toks[i:i + n]]
    if not any(c.islower() for w in words for c in w) or "." in "".join(words):
        return False
    for t, _, _ in toks[i + n:i + n + 3]:
        if t in _EXPERT_NOUNS:
            return True
        if not t.isalpha() or not t.islower():
            return False
    return False


_EXPERT_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}(?:" + "|".join(sorted(_EXPERT_NOUNS))
                           + r")\b")


def topic_of_expert_at(text: str, a: int, b: int) -> bool:
    """The country's name text[a:b] is an expert's subject ("Several North Korea leadership
    experts say"), as :func:`_topic_of_expert` decides on tokens."""
    name = text[a:b]
    return (any(c.islower() for c in name) and "." not in name
            and _EXPERT_AFTER.match(text, b) is not None)


#: "the country's unification ministry": the country named before, in the sentence
#: an office named by its holder's possessive, up to the comma before the name: "President
#: Moon Jae-in's chief of staff"
_OWNERS_OFFICE = re.compile(r"[A-Z][\w-]*['’]s\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*$")
_THE_COUNTRYS = re.compile(r"\b(?:the|that)\s+(?:country|nation)['’]s\b")


def _title_like(word: str) -> bool:
    """A word a capitalised title is written with ("Senior", "to", "the")."""
    return word[:1].isupper() or word in _PORTFOLIO_JOIN


def _person_before(text: str, a: int, k: int, actors: ActorDictionary
                   ) -> tuple[str, str | None]:
    """What text[a:k] ends in: ``"name"`` a person's name ("… James Kelly"), with the
    person's actor when the dictionary holds them; ``"word"`` one capitalised word that may
    be one (a surname, "Hollande"); else ``""`` (a country's name: "South Korea"; an
    office's: "Minister of Trade")."""
    runs = [m for m in _NAME.finditer(text, a, k) if m.end() == k]
    if runs and (span := _clean_name(text, runs[-1].start(), k, actors)) is not None:
        ent = actors.entries.get(tuple(t for t, _, _ in tokens(text, span[0], k)))
        if ent is None:
            return "name", None
        if ent.kind == "person":
            return "name", ent.actors[0] if len(ent.actors) == 1 else None
    last = text[a:k].rsplit(None, 1)[-1] if text[a:k].strip() else ""
    if (last[:1].isupper() and last not in _TITLE_WORDS and last not in _NOT_NAME
            and (last,) not in actors.entries):
        return "word", None
    return "", None


def _one_state(text: str, a: int, b: int, actors: ActorDictionary) -> str | None:
    """The one state named in text[a:b] (country, demonym or capital), else None: "the
    country's ministry" after "Japan condemned the launch by North Korea" could be either."""
    toks = tokens(text, a, b)
    found: set = set()
    i = 0
    while i < len(toks):
        for n in range(min(actors.first.get(toks[i][0], 0), len(toks) - i), 0, -1):
            e = actors.entries.get(tuple(t for t, _, _ in toks[i:i + n]))
            if e is not None and e.kind in ("country", "demonym", "capital"):
                found.update(e.actors if e.actors else (None,))
                i += n - 1
                break
        i += 1
    return found.pop() if len(found) == 1 else None


def _is_demonym_run(words: str, actors: ActorDictionary) -> bool:
    """"Americans", "South Koreans": a people's name (a plural demonym), not a place."""
    toks = tuple(t for t, _, _ in tokens(words))
    for key in (toks, toks[:-1] + (toks[-1][:-1],) if toks and toks[-1].endswith("s") else toks):
        e = actors.entries.get(key)
        if e is not None and e.kind == "demonym":
            return True
    return False


def known(name: str, actors: ActorDictionary) -> bool:
    """True when the name, or any part of it, is already in the dictionary or is a title."""
    key = tuple(t for t, _, _ in tokens(name))
    if key[0].lower() in ROLE_WORDS or key[0] in _TITLE_WORDS:
        return True
    return any(key[i:j] in actors.entries for i in range(len(key))
               for j in range(i + 1, len(key) + 1))


@dataclass
class ArticleContext:
    """What the article says about where it stands: its dateline's country, the state
    institutions (not outlets) and the heads of state or government named so far (in text
    order), for roles given without a nationality."""

    dateline: str | None = None
    institutions: list[tuple[int, str]] = field(default_factory=list)  # (start, actor)
    leaders: list[tuple[int, str]] = field(default_factory=list)  # (start, actor)
    #: ministries named with their country and no dictionary entry ("the German Foreign
    #: Ministry", "Japan's Defense Ministry"), in text order
    ministries: list[tuple[int, str]] = field(default_factory=list)
    #: a state's servicemen named by their country ("two South Korean marines were
    #: killed"), in text order
    forces: list[tuple[int, str]] = field(default_factory=list)
    #: presidents in office on the date named so far ("President Roh Moo-hyun"), in text
    #: order, for a "presidential secretary" named without a country
    presidents: list[tuple[int, str]] = field(default_factory=list)
    #: the one country whose nationals the article says were abducted ("Japanese citizens
    #: who were abducted by North Korea"), for abductees and their families
    abductees: str | None = None
    #: surname -> (name, actor, person, source) of the people named so far (the mention
    #: pass's own table, shared), for "his spokesman" after "Lee told …"
    recent: dict = field(default_factory=dict)

    def military_country_at(self, pos: int) -> str | None:
        """For a rank or a commander: the one state whose servicemen the article named
        before ``pos`` ("… killing two South Korean Marines …" then "Sgt. Seo …"); with two
        states' named (or none), :meth:`country_at`."""
        states = {code for start, code in self.forces if start < pos}
        return states.pop() if len(states) == 1 else self.country_at(pos)

    def president_at(self, pos: int) -> str | None:
        """For a "presidential" aide: the one state whose president the article has named
        (with two states' presidents named, or none, :meth:`country_at`)."""
        states = {code for start, code in self.presidents if start < pos}
        return states.pop() if len(states) == 1 else self.country_at(pos)

    def country_at(self, pos: int, leaders: bool = True) -> str | None:
        """The actor of the last state institution (or ministry named with its country:
        "the German Foreign Ministry") named before ``pos``, else the dateline's, else the
        one state whose office holders the article has named so far ("… President Lee …
        Agriculture Minister Song" is Seoul's minister; with Putin and Kim both named,
        nothing). Not the office holders for a legislator (``leaders=False``): the Korean
        press names North Korea's leader more often than its own, and a "Rep." is no
        official of his."""
        i = bisect_left(self.institutions, (pos, ""))
        j = bisect_left(self.ministries, (pos, ""))
        if i or j:
            last = max(self.institutions[i - 1] if i else (-1, ""),
                       self.ministries[j - 1] if j else (-1, ""))
            return last[1]
        if self.dateline:
            return self.dateline
        if not leaders:
            return None
        states = {code for start, code in self.leaders if start < pos}
        return states.pop() if len(states) == 1 else None


#: a ministry named with its country: "the German Foreign Ministry", "Japan's Defense
#: Ministry", "the Foreign Ministry of Germany" (the dictionary holds few of these by name)
_COUNTRY_MINISTRY = re.compile(
    r"(?P<who>(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*?)(?:['’]s)?\s+(?:(?:Foreign|Defen[cs]e|"
    r"Unification|Interior|Trade|Finance|Justice)\s+)?Ministry\b")
_MINISTRY_OF_COUNTRY = re.compile(
    r"\bMinistry(?:\s+of\s+(?:Foreign\s+Affairs|(?:National\s+)?Defen[cs]e|Unification))?"
    r"\s+of\s+(?:the\s+)?(?P<who>(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*)")


#: servicemen named by their state: "South Korean Marines", "Japan's soldiers", "two
#: American troops"
_FORCES = re.compile(
    r"(?P<who>(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*?)(?:['’]s)?\s+(?:[Mm]arines|soldiers|"
    r"troops|sailors|servicemen|service\s+members|airmen|conscripts)\b")
_FORCES_GATE = re.compile(r"(?i)marines|soldiers|troops|sailors|servicemen|service members|"
                          r"airmen|conscripts")


_KIN = (r"(?:mother|father|brother|sister|son|daughter|husband|wife|parents?|siblings?|"
        r"relatives?|family)")
#: a person the sentence says was abducted, or whose relative was: "the mother of abductee
#: Megumi Yokota", ", 53, the younger brother of Megumi Yokota who was abducted", ", whose
#: brother, Kaoru Hasuike was abducted", "… was abducted"
_ABDUCTED_AFTER = re.compile(
    r",?(?:\s+\d{1,3},)?\s+(?:(?:the|a|an|his|her)\s+)?(?:(?:younger|elder|older|twin|late)\s+)?"
    + _KIN + r"\s+of\s+(?:(?:the|an|a)\s+)?(?:abductees?\b|kidnapping\s+victims?\b|"
    r"(?:[A-Z][\w-]*\s+){1,3}(?:who|,\s+who)\s+(?:was|were|had\s+been)\s+(?:abducted|kidnapped))"
    r"|,?\s+whose\s+" + _KIN + r"\b[^.;]{0,40}?\s+(?:was|were|had\s+been)\s+"
    r"(?:abducted|kidnapped)")
# (a bare "X was abducted" is no clue to X's country: South Koreans were abducted too)
#: every nationality the article ties to an abduction ("Hundreds of South Koreans were
#: also abducted"): more than one, and no abductee takes a country from the context
_ABDUCTION_WORD = re.compile(r"(?i)abduct|kidnap")
_CAPITAL_RUN = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
#: "and other <plural> of/from (the) <country>" or "and other <demonym>s" after a name
_AND_OTHER = re.compile(r"\s+and\s+other\s+(?:(?:[a-z][\w-]*\s+){1,3}(?:of|from)\s+(?:the\s+)?|)"
                        r"(?P<who>(?:[Ss]outh\s+|[Nn]orth\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.-]*)?)")
_ABDUCTEE_BEFORE = re.compile(r"\b(?:abductee|kidnapping\s+victim)\s+$")


def article_context(text: str, actors: ActorDictionary) -> ArticleContext:
    """The dateline ("TOKYO (Kyodo) --", "MOSCOW, May 3. /TASS/.") among the first lines,
    as an actor code."""
    ctx = ArticleContext()
    if "abducted" in text or "kidnapped" in text:
        found = set()
        # any demonym in the abduction's own phrase, 40 characters on either side
        # ("Japanese nationals abducted by …"; not "North Korean leader Kim Jong Un to
        # resolve issues surrounding Japanese nationals abducted", whose leader is no
        # abductee)
        for m in _ABDUCTION_WORD.finditer(text):
            for run in _CAPITAL_RUN.finditer(text, max(0, m.start() - 40), m.end() + 40):
                w = run.group()
                if _BY_BEFORE.search(text, max(0, run.start() - 12), run.start()):
                    continue  # the abductors: "abducted by North Korean agents"
                for cand in (w, w[:-1] if w.endswith("s") else w, w.split()[-1]):
                    ent = actors.entries.get(tuple(cand.split()))
                    if ent is not None and ent.kind == "demonym" and len(ent.actors) == 1:
                        found.add(ent.actors[0])
                        break
        if len(found) == 1:
            ctx.abductees = found.pop()
    if _FORCES_GATE.search(text):
        for m in _FORCES.finditer(text):
            code = first_actor(text, m.start("who"), m.end("who"), actors)
            if code:
                ctx.forces.append((m.start(), code))
    if "Ministr" in text:
        for m in [*_COUNTRY_MINISTRY.finditer(text), *_MINISTRY_OF_COUNTRY.finditer(text)]:
            code = first_actor(text, m.start("who"), m.end("who"), actors)
            if code:
                ctx.ministries.append((m.start(), code))
        ctx.ministries.sort()
    head = min(len(text), 600)
    for m in [*_DATELINE.finditer(text, 0, head), *_DATELINE_SLASH.finditer(text, 0, head)]:
        city = m.group("city")
        for form in (city, city.title()):
            e = actors.entries.get(tuple(t for t, _, _ in tokens(form)))
            if e is not None and e.kind == "capital" and e.actors:
                ctx.dateline = e.actors[0]
                return ctx
    return ctx


def _clean_name(text: str, a: int, b: int, actors: ActorDictionary) -> tuple[int, int] | None:
    """The name at the end of a capitalised run: the words after its last title, stop word
    or dictionary word ("Canadian Trade Minister Pablo Arrau" -> "Pablo Arrau"), a Korean
    name alone after an office word ("Intelligence Cho Koo-rae" -> "Cho Koo-rae")."""
    words = text[a:b].split(" ")
    keep = 0
    for k, w in enumerate(words):
        if w in _GIVEN_SYLLABLES and k > keep and words[keep] in SURNAME_FIRST:
            continue  # "Liu Jun", "Hwang Pyong So": a given name, not June or "So"
        if (w in _TITLE_WORDS or w in _NOT_NAME or w.lower() in ROLE_WORDS
                or (w,) in actors.entries):
            keep = k + 1
    # "… for Strategy and Intelligence Cho Koo-rae": a Korean name is surname + hyphenated
    # given name; a capitalised office word before it is not part of it
    if (len(words) - keep >= 3 and words[-2] in SURNAME_FIRST
            and _KOREAN_GIVEN.fullmatch(words[-1])):
        keep = len(words) - 2
    if not 2 <= len(words) - keep <= 4:
        return None
    start = a + sum(len(w) + 1 for w in words[:keep])
    return start, b


def _title_actor(text: str, a: int, b: int, actors: ActorDictionary) -> str | None:
    """The actor a person's title or apposition names: the first actor in it, else a name
    that counts only there (``title_names`` in the dictionary: "Korea's vice foreign
    minister" is South Korea's)."""
    code = first_actor(text, a, b, actors)
    if code or not actors.title_names:
        return code
    toks = tokens(text, a, b)
    for i, (tok, _, _) in enumerate(toks):
        if (tok,) in actors.title_names and not (
                i and (toks[i - 1][0], tok) in actors.entries):  # "North Korea expert"
            return actors.title_names[(tok,)]
    return None


_POSSESSIVE = re.compile(r"\b([A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)['’]s\b")


def _owner_actor(text: str, a: int, b: int, actors: ActorDictionary) -> str | None:
    """A title that names whose official the person is by surname: "Roh's spokesman …" is
    the spokesman of Roh Moo-hyun, KOR, when every dictionary person of that surname speaks
    for one country ("Kim's aide …" stays undecided)."""
    if "’s" not in text[a:b] and "'s" not in text[a:b]:
        return None
    for m in _POSSESSIVE.finditer(text, a, b):
        people = actors.surnames.get(m.group(1), ())
        codes = {p.actor for p in people if not p.analyst}
        if len(codes) == 1:
            return codes.pop()
    return None


def _body_at(text: str, a: int, b: int, actors: ActorDictionary, prep: str, *,
             parties_only: bool = False) -> tuple[str, str] | None:
    """A name then "of the <state institution>" or "of/from <country>": "Lt. Gen. Lee
    Hong-ki of the Joint Chiefs of Staff" (KOR, ``institution``), "Kim Kye-gwan of North
    Korea" (``apposition``). Only a dictionary entry that starts the body counts; a news
    outlet never does (its reporters do not speak for a state). ``parties_only``: only a
    party decides (a member of "the ruling People Power Party" is of its country)."""
    toks = tokens(text, a, b)
    if not toks:
        return None
    n = min(actors.first.get(toks[0][0], 0), len(toks))
    for k in range(n, 0, -1):
        ent = actors.entries.get(tuple(t for t, _, _ in toks[:k]))
        if ent is None or not ent.actors or len(ent.actors) != 1:
            continue
        if parties_only:
            if ent.kind == "institution" and ent.entity in _parties(actors):
                return ent.actors[0], "institution"
            return None
        if ent.kind == "institution" and ent.entity not in actors.media \
                and ent.entity not in actors.state_media:
            return ent.actors[0], "institution"
        if ent.kind == "country" and prep in ("of", "from"):
            nxt = toks[k][0] if k < len(toks) else ""
            if not nxt[:1].isupper():  # not "of South Korea Policy", "of Korea University"
                return ent.actors[0], "apposition"
        return None
    return None


_PORTFOLIO_JOIN = {"for", "of", "on", "to", "and", "the", "&"}
#: a portfolio written in lower case: "presidential secretary for foreign and security
#: policy Baek …"
_PORTFOLIO_WORDS = {"foreign", "security", "policy", "affairs", "defense", "defence",
                    "national", "public", "relations", "political", "economic", "unification",
                    "trade", "strategy", "intelligence", "press", "information",
                    "international", "inter-Korean", "planning", "communications"}


def _portfolio(words: list[str]) -> bool:
    """An office word, then its portfolio up to the name: "Vice Foreign Minister for
    Strategy and Intelligence", "Assistant Secretary of State for East Asian Affairs"."""
    # the office word: a role word ("Minister"), else a title word; a portfolio word that
    # is a title word too ("of Foreign Affairs") does not end the office
    idx = [k for k, w in enumerate(words) if w.lower().rstrip("s") in ROLE_WORDS] or [
        k for k, w in enumerate(words) if w.rstrip(".") in _TITLE_WORDS]
    if not idx:
        return False
    rest = words[idx[-1] + 1:]
    return (bool(rest) and rest[0] in ("for", "of", "on", "to")
            and all(w[:1].isupper() or w in _PORTFOLIO_JOIN or w in _PORTFOLIO_WORDS
                    for w in rest))


#: a body of a president's office: "the Presidential Committee on Northeast Asian
#: Cooperation Initiative", "the presidential security service"
_PRESIDENTIAL_BODY = re.compile(r"\b[Pp]residential\s+(?:[A-Za-z]+\s+)?(?:[Cc]ommittee|"
                                r"[Cc]ommission|[Cc]ouncil|[Oo]ffice|[Ss]ecretariat|"
                                r"[Ss]ervice)\b")
#: an apposition ending in a body's name: "… of the East Asian Institute"
_OF_A_BODY = re.compile(r"\b(?:of|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*$")
_BODY_TYPES = frozenset({"think tank", "university", "ngo", "company", "media"})
_MEMBER = re.compile(r"(?:(?:a|an|the)\s+)?(?:(?:lifelong|longtime|former|moderate|"
                     r"conservative|liberal|progressive)\s+)?")
_ARTICLE = re.compile(r"(?:a|an|the|its|his|her)\s", re.I)


def _next_in_list(text: str, a: int, b: int, actors: ActorDictionary) -> bool:
    """text[a:b] after a name and a comma is the next item of a list of people, not an
    apposition, when it is a bare title ending in a name: "…, U.S. senior official for the
    DPRK Jung Pak, and …" ("…, an adviser to President Lee Jae-myung" is an apposition)."""
    if _ARTICLE.match(text, a):
        return False
    seg = text[a:b].rstrip()
    runs = list(_NAME.finditer(seg))
    last = runs[-1] if runs else None
    if last is None or last.end() != len(seg):
        return False
    before = seg[:last.start()].split()
    if (before and before[-1].lower() in ROLE_WORDS and before[-1].islower()
            and ("to" in before[:-1] or "of" in before[:-1])):
        return False  # "…, chief military aide to top DPRK leader Kim Jong Un": whose aide
    if seg[:last.start()].endswith(("the ", "The ")):
        return False  # "…, Researcher of the DPRK Society for the Study of the International
        # Politics": a body's name, not the next person's
    return _clean_name(seg, last.start(), last.end(), actors) is not None


#: abbreviated titles and the role each abbreviates ("Lt. Gen. Lee", "Amb. Kim")
_ABBREV_ROLES = {"Gen": "general", "Amb": "ambassador", "Sen": "senator",
                 "Rep": "representative", "Gov": "governor", "Adm": "commander",
                 # ranks: a soldier serves a state ("Sgt. Seo …, 22, and Pvt. Moon …")
                 "Lt": "soldier", "Col": "soldier", "Maj": "soldier", "Capt": "soldier",
                 "Sgt": "soldier", "Pvt": "soldier", "Cpl": "soldier"}
_ABBREV_ROLE = re.compile(r"\b(" + "|".join(_ABBREV_ROLES) + r")\.")


#: ranks spelled out ("Sergeant Suh …, and Private Moon …"): a soldier
_RANK = re.compile(r"\b(?:Sergeant|Private|Corporal|Lieutenant|Colonel|Captain)\b")
#: roles in a state's forces: the state whose servicemen the article names decides them
_MILITARY_ROLES = frozenset({"soldier", "general", "commander"})


def _role_words(desc: str) -> list[str]:
    roles = [m.group().lower().rstrip("s") if m.group().lower() not in ("chiefs",) else "chief"
             for m in _ROLE.finditer(desc)]
    if "." in desc:
        roles += [_ABBREV_ROLES[m.group(1)] for m in _ABBREV_ROLE.finditer(desc)]
    roles += ["soldier" for _ in _RANK.finditer(desc)]
    return roles


def _decide(text: str, s: int, e: int, sa: int, sb: int, actors: ActorDictionary,
            ctx: ArticleContext) -> tuple[str, str] | None:
    """(actor, actor_source) for the name text[s:e] in the sentence text[sa:sb]."""
    aff = actors.affiliations
    # 1. the words before the name, in its own clause ("The British Ambassador to the UN, ")
    lo = max(sa, s - 160)
    before = text[lo:s]
    stripped = before.rstrip()
    if stripped.endswith(","):
        stripped = stripped[:-1]
    cut = max(stripped.rfind(c) for c in ",;:“”\"(")
    head = stripped[cut + 1:]
    words = list(_WORD.finditer(head))
    # the title: its last 8 words, up to 12 when the words before those are a title's too
    # ("Blue House Senior Secretary to the President for Public Relations …"), not a
    # clause ("President Barack Obama has an admirer in British diplomat Sir …")
    k = max(0, len(words) - 8)
    if all(_title_like(w.group()) for w in words[k:]):
        while k > len(words) - 12 and k > 0 and _title_like(words[k - 1].group()):
            k -= 1
    words = words[k:]
    titled = want_context = military = presidential = legislator = False
    if words:
        hs = lo + cut + 1 + words[0].start()  # words are found in head
        he = lo + len(stripped)
        roles = _role_words(text[hs:he])
        last = words[-1].group().rstrip(".")
        at_name = (last.lower().rstrip("s") in ROLE_WORDS or last in _TITLE_WORDS
                   or _portfolio([w.group() for w in words]))
        # "The British Ambassador to the UN, Karen Pierce": the office, then the name
        # … or "President Moon Jae-in's chief of staff, Noh …": an office holder's aide
        fronted = before.rstrip().endswith(",") and roles and (
            head.lstrip()[:4] in ("The ", "the ") or _OWNERS_OFFICE.search(head))
        titled = bool(at_name)
        if at_name or fronted:
            # "U.S. Assistant Secretary … James Kelly and North Korea's representative, Li
            # Gun": after another person's name and "and", the office is this person's
            if (k := text.rfind(" and ", hs, he)) >= 0:
                before, other = _person_before(text, hs, k, actors)
                if before and (code := _title_actor(text, k + 5, he, actors)):
                    return code, "title"
                if other:  # "First Vice Minister Kang Sok-ju and Vice Minister … Han": the
                    return other, "title"  # officials named together share the country
                if before == "name":
                    hs = k + 5
            if aff is not None and (hit := aff.find(text, hs, he)):
                body = hit[2]
                return body.country, ("title" if body.type in ("territory", "office")
                                      else "institution")
            code = _title_actor(text, hs, he, actors) or _owner_actor(text, hs, he, actors)
            if code:
                return code, "title"
            # a government role with no nationality: the context decides, unless what
            # follows the name does ("Sen. … of Vermont", "…, a Tokyo governor")
            want_context = bool(GOVERNMENT_ROLES.intersection(roles))
            legislator = bool(_LEGISLATORS.intersection(roles))
            military = bool(_MILITARY_ROLES.intersection(roles))
            presidential = "presidential" in text[hs:he].lower().split()
            if want_context and _HIS_AIDE.search(text, hs, he) and (
                    code := _person_named_before(text, sa, hs, ctx)):
                return code, "context"  # "Lee told …, according to his spokesman …"
            if not want_context and (m := _PARTY_CANDIDATE.search(text, hs, he)):
                code = ctx.country_at(s)
                if code and code in _party_words(actors).get(m.group("party"), ()):
                    return code, "context"
    # the US Congress style "(R-Texas)", ", D-Calif.,": a party and a state
    if _PARTY_STATE.match(text, e, sb):
        return "USA", "apposition"
    # 2. what follows the name: an apposition, "of the <body>", a relative clause
    after_end = e
    m = _AFTER.match(text, e, sb)
    if m:
        desc_a, desc_b = m.start("desc"), m.end("desc")
        if _REL_START.match(text, desc_a):
            after_end = desc_b  # a relative clause: read past it, never for a country
        elif _next_in_list(text, desc_a, desc_b, actors):
            pass  # "Cho, U.S. senior official Jung Pak, and …": the next person's title
        else:
            rel = _RELATIVE.search(text, desc_a, desc_b)
            if rel:
                desc_b = rel.start()
            roles = _role_words(text[desc_a:desc_b])
            # a place in the apposition decides only a role ("a lawmaker from Ohio"; not "a
            # coal company in Kentucky", "New York, New Jersey and …")
            # a party decides only for its member ("a Republican from Ohio"), not for a
            # relative ("son of the Republican front-runner")
            if (aff is not None and (hit := aff.find(text, desc_a, desc_b))
                    and (roles or hit[2].type not in ("territory", "party")
                         or (hit[2].type == "party"
                             and _MEMBER.fullmatch(text, desc_a, hit[0])))):
                return hit[2].country, "institution"
            # "…, senior fellow of the East Asian Institute, the National University of
            # Singapore": the body the apposition ends in, named again by its parent
            if (roles and aff is not None and desc_b == m.end("desc")
                    and _OF_A_BODY.search(text, desc_a, desc_b)
                    and (m2 := _AFTER.match(text, desc_b, sb))
                    and (hit := aff.find(text, m2.start("desc"), m2.end("desc")))
                    and hit[2].type in _BODY_TYPES
                    and text[m2.start("desc"):hit[0]] in ("", "the ", "The ")):
                return hit[2].country, "institution"
            if roles:
                code = _title_actor(text, desc_a, desc_b, actors)
                if code:
                    return code, "apposition"
                if _THE_COUNTRYS.search(text, desc_a, desc_b) and (
                        code := _one_state(text, sa, s, actors)):
                    return code, "context"  # "…, a spokesman for the country's ministry"
                want_context = want_context or bool(GOVERNMENT_ROLES.intersection(roles))
                legislator = legislator or bool(_LEGISLATORS.intersection(roles))
                if _PRESIDENTIAL_BODY.search(text, desc_a, desc_b):
                    # "chairman of the Presidential Committee on …": the president's body
                    want_context = presidential = True
            after_end = m.end()
    else:
        m = _OF_BODY.match(text, e, sb)
        if m and aff is not None and not m.group("mods") and (
                hit := aff.find(text, m.start("body"), m.end("body"))):
            if hit[0] == m.start("body"):
                return hit[2].country, "institution"
        # a state institution or a country only after a title: "Lt. Gen. Lee … of the
        # Joint Chiefs of Staff" (not "the Legal Counsel of …", "the Girl Scouts of America");
        # a party's member with or without one ("Lee … of the ruling People Power Party")
        if m and (got := _body_at(text, m.start("body"), m.end("body"), actors,
                                  m.group().split()[0], parties_only=not titled
                                  or bool(m.group("mods")))):
            return got
    # "Kim Thae Yong and other gangsters of the south Korean puppet military", "… and other
    # Americans": one of the others the words name
    if (m := _AND_OTHER.match(text, e, sb)) and (code := first_actor(
            text, m.start("who"), m.end("who"), actors)) and (
            " of " in m.group() or " from " in m.group() or _is_demonym_run(
                text[m.start("who"):m.end("who")], actors)):
        return code, "apposition"  # (not "and other Beijing watchers": a city is no people)
    if want_context and (code := ctx.military_country_at(s) if military
                         else ctx.president_at(s) if presidential
                         else ctx.country_at(s, leaders=not legislator)):
        return code, "context"
    # 3. "In Kobe, western Japan, Aiko Mori, 71, …" (an age or a speech verb after the name
    # says it is a person: not "In London, Robey Warshaw, a firm …")
    m = _IN_PLACE.fullmatch(text, sa, s)
    if m and (_AGE.match(text, e, sb) or _SPEECH_AFTER.match(text, e, sb)):
        code = _city_country(m.group("city"), actors)
        if code is None and m.group("region"):
            region = m.group("region")
            code = (first_actor(region, 0, len(region), actors)
                    or _city_country(region.split()[-1], actors))
        if code:
            return code, "context"
    # 4. an abductee or an abductee's relative, where the article says whose nationals
    # were abducted ("Japanese citizens who were abducted …"): that country
    if ctx.abductees and (_ABDUCTED_AFTER.match(text, e, sb)
                          or _ABDUCTEE_BEFORE.search(text, max(sa, s - 30), s)):
        return ctx.abductees, "context"
    # 5. "said in Tokyo"
    m = _SAID_IN.match(text, after_end, sb)
    if m:
        code = _city_country(m.group("city"), actors)
        if code is None and m.group("near"):  # "told reporters in Kawasaki near Tokyo"
            code = _city_country(m.group("near"), actors)
        if code:
            return code, "context"
    if legislator and want_context:
        return "", PENDING  # decided by the article's parties, once all of it is read
    return None


#: an aide named by whose they are: "according to his senior spokesman Lee Dong-kwan"
_HIS_AIDE = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,3}[\w-]+\s*$")


def _person_named_before(text: str, sa: int, k: int, ctx: ArticleContext) -> str | None:
    """The country of the last person named in text[sa:k] by a surname the article has
    already tied to someone (not an analyst's): "his" is theirs."""
    for w in reversed(_CAPITAL_RUN.findall(text, sa, k)):
        got = ctx.recent.get(w.split()[-1])
        if got is not None:
            person = got[2]
            return got[1] if got[1] and (person is None or not person.analyst) else None
    return None


#: a legislator's role: with no nationality, the parties the article names decide
_LEGISLATORS = frozenset({"representative", "lawmaker", "legislator", "senator"})
#: the source of a legislator the sentence left undecided (see :func:`legislature_state`)
PENDING = "pending"
#: a party named by a word several countries' parties share: "the ruling Democratic Party"
_SHARED_PARTY = re.compile(r"\b(?:ruling|governing|main\s+opposition|opposition|minor)\s+"
                           r"(?P<word>[A-Z][a-z]+)\s+Party\b")


def legislature_state(text: str, mentions, actors: ActorDictionary) -> str | None:
    """The one state whose legislature the article is about, for a legislator named with no
    nationality ("Rep. Choo Mi-ae"): the states of the parties and parliaments it names,
    and for a party named by a shared word ("the ruling Democratic Party": South Korea's,
    Japan's and America's parties have it) those of its states whose head of state or
    government the article names. None when that is no state, or several."""
    parties = _parties(actors)
    states = {m.actor for m in mentions if m.kind == "institution" and m.actor
              and (m.entity in parties or m.entity in _legislatures(actors))}
    if "Party" in text:
        leaders = {m.actor for m in mentions if m.kind == "person" and m.actor
                   and (m.role or "").lower() in _HEADS}
        for m in _SHARED_PARTY.finditer(text):
            states |= leaders & _party_words(actors).get(m.group("word"), frozenset())
    return states.pop() if len(states) == 1 else None


def shared_party_state(words: str, mentions, actors: ActorDictionary) -> str | None:
    """"The chief of the ruling Democratic Party": the one state with a party of that word
    whose head of state or government the article names."""
    m = _SHARED_PARTY.search(words)
    if m is None:
        return None
    leaders = {x.actor for x in mentions if x.kind == "person" and x.actor
               and (x.role or "").lower() in _HEADS}
    states = leaders & _party_words(actors).get(m.group("word"), frozenset())
    return states.pop() if len(states) == 1 else None


_HEADS = frozenset({"president", "prime minister", "premier", "chancellor"})
_LEGISLATURES: dict[int, frozenset[str]] = {}


def _legislatures(actors: ActorDictionary) -> frozenset[str]:
    got = _LEGISLATURES.get(id(actors.actors))
    if got is None:
        got = _LEGISLATURES[id(actors.actors)] = frozenset(
            inst["name"] for data in actors.actors.values()
            for inst in data.get("institutions") or () if isinstance(inst, dict)
            and inst.get("type") == "legislature")
    return got


def _city_country(city: str, actors: ActorDictionary) -> str | None:
    """The country of a capital (actors.yaml) or of a city or region in affiliations.yaml
    ("Osaka", "Busan")."""
    ent = actors.entries.get((city,))
    if ent is not None and ent.kind == "capital" and ent.actors:
        return ent.actors[0]
    aff = actors.affiliations
    body = aff.entries.get((city,)) if aff is not None else None
    return body.country if body is not None and body.type == "territory" else None


def new_people(text: str, a: int, b: int, actors: ActorDictionary, ctx: ArticleContext,
               has_role: bool) -> list[tuple[int, int, str, str, str]]:
    """People absent from the dictionary in the sentence text[a:b] whose country the
    article decides: ``(start, end, name, actor, actor_source)``."""
    lo = a
    if _ABBREV_BEFORE.search(text, max(0, a - 12), a):  # the splitter cut "Guam Gov. | Lou …"
        nl = text.rfind("\n", 0, a)
        lo = max(nl + 1, a - 80)
    elif not has_role and not _ABBREV_TITLE.search(text, a, b):
        # without a role or a title ("Guam Gov. …"): only "said in Tokyo" or "of the <body>"
        seg = text[a:b]
        if not ((" in " in seg and _SAID_IN.search(text, a, b))
                or (ctx.abductees and ("abduct" in seg or "kidnap" in seg))
                or (" and other " in seg and _AND_OTHER.search(text, a, b))
                or (seg[:6].lstrip().startswith("In ") and _IN_PLACE.match(text, a, b))
                or ((" of " in seg or " at " in seg or " from " in seg)
                    and _OF_GATE.search(text, a, b))):
            return []
    found = []
    for m in _NAME.finditer(text, a, b):
        span = _clean_name(text, m.start(), m.end(), actors)
        if span is None:
            continue
        s, e = span
        name = text[s:e]
        if known(name, actors):
            continue
        got = _decide(text, s, e, lo if s == a else a, b, actors, ctx)
        if got is not None:
            found.append((s, e, name, got[0], got[1]))
    return found


# --- bylines and credits ------------------------------------------------------------------

#: Lines and brackets that credit the people who report: "By Jane Roe", "(AP Photo/Lee Jin-
#: man)", "Reporting by …; Editing by …", "Photo: …". The people named there report the news.
_CREDIT = re.compile(
    r"(?m)^[ \t]*(?:By|BY)[ \t]+[A-Z][^\n]{1,100}$"
    r"|\((?:[A-Z][\w.]*[ \t]+){0,2}(?:Photo|Photos|Image|Video)[ \t]*/[^)\n]{2,80}\)"
    r"|\b(?:[Aa]dditional [Rr]eporting|Reporting|Writing|Editing|Reported|Compiled|"
    r"Translated|Photographs?|Photos?)[ \t]+by[ \t]+[^\n)]{2,200}"
    r"|(?m:^|\()[ \t]*(?:Photo|Image|Photograph)(?:[ \t]+credit)?[ \t]*:[ \t]*[^\n)]{2,100}")
_CREDIT_NAME = re.compile(rf"{_TOK}(?: {_TOK}){{1,3}}")


def credits(text: str) -> list[tuple[int, int]]:
    """Spans of bylines and photo/reporting credits in the text."""
    if "By" not in text and "by" not in text and "Photo" not in text and "BY" not in text:
        return []
    return [m.span() for m in _CREDIT.finditer(text)]


def credit_names(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Person names inside the credit text[a:b]."""
    out = []
    for m in _CREDIT_NAME.finditer(text, a, b):
        words = m.group().split(" ")
        k = 0
        while k < len(words) and (words[k] in _NOT_NAME or words[k] in _TITLE_WORDS):
            k += 1  # "By Jane Roe"
        rest = words[k:]
        if len(rest) >= 2 and not any(w in _NOT_NAME or w in _TITLE_WORDS for w in rest):
            out.append((m.end() - len(" ".join(rest)), m.end()))
    return out
