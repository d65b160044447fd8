"""Person names in an article: full names, later short mentions, genders, pronouns."""
from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable
from functools import lru_cache

from korea_analysis.quotes.cues import Cues
from korea_analysis.quotes.words import (
    _CAP_STOP,
    _DETS,
    _NAME_CONNECT,
    DAY_NAMES,
    MONTH_NAMES,
    _cap,
)

#: determiners of more than one: "some officials", "two diplomats" are no "he"
_PLURAL_DETS = frozenset({"two", "three", "four", "five", "some", "many", "several", "most",
                          "all", "both", "few", "these", "those", "other"})
_MR = re.compile(r"\bMr\.?\s*$")
_MRS = re.compile(r"\b(?:Mrs|Ms|Miss|Madam)\.?\s*$")
_GOES_ON_WINDOW = 1200  # characters back to the speaker that "he added" continues
_TITLED_WINDOW = 800  # characters before a pronoun searched for "leader Lee", "Mr. Lee"
_SENT_STOP = re.compile(r"[.!?](?:\s|$)")
# a sentence end before a pronoun (not an initial's or a title's dot: "U.S.", "Gen.")
_PRIOR_END = re.compile(r"(?<![A-Z])(?<!\b(?:Mr|Ms|Dr|Lt|St))(?<!\b(?:Mrs|Gen|Sen|Rep|Gov|Col))"
                        r"[.!?][\"”’']?(?=\s)|\n")
#: a prepositional phrase opening a sentence ("At a meeting with Lee that day, …")
_FRONTED = re.compile(r"\s*(?:At|In|During|After|Before|Following|On|With|Upon|Over)\s")
#: what follows a dot that ends no sentence: a number or a lower-case word ("Dec. 29, …")
_NOT_NEW_SENTENCE = re.compile(r"[ \t]+[0-9a-z]")
_HONORIFIC_END = re.compile(r"(?:^|\s)(?:Mr|Mrs|Ms|Miss|Dr)\.?\s*$")
_NAME_RUN = re.compile(r"[A-Z][\w’'\-.]*(?:[ \t]+[A-Z][\w’'\-.]*)*")
# (a capital inside a word: "ElBaradei", "McCain")
_NAME_WORD = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]{2,})?(?:[\-’'][A-Za-z][a-z]+)*|[A-Z]\.)"
# A _NAME_WORD at a word start: the capital first, then the lookbehind, so that the regex
# engine skips to capitals instead of trying every position (same matches; the plain form,
# (?<![\w’'\-]){_NAME_WORD}, is checked against it in tests/test_fast_patterns.py).
_NAME_WORD_AT_START = (r"[A-Z](?<![\w’'\-].)(?:[a-z]+(?:[A-Z][a-z]{2,})?(?:[\-’'][A-Za-z][a-z]+)*"
                       r"|\.)")
# the lower-case particles inside a name ("Ursula von der Leyen"), longest first
_PARTICLES = "|".join(sorted(_NAME_CONNECT, key=lambda w: (-len(w), w)))
_NAME_RE = re.compile(rf"{_NAME_WORD_AT_START}(?:\s+(?:{_NAME_WORD}|{_PARTICLES}))"
                      rf"{{1,8}}(?![\w\-])")
_NOT_PERSON = {
    "Korea", "Korean", "Koreas", "North", "South", "East", "West", "United", "States",
    "Nations", "Council", "Ministry", "House", "White", "Party", "University", "Department",
    "Agency", "News", "Central", "Security", "Peninsula", "War", "Day", "Strait", "Studies",
    "Defense", "Defence", "Foreign", "Affairs", "Republic", "People", "Democratic",
    "Commission", "Committee", "Assembly", "Forces", "Force", "Army", "Navy", "Command",
    "Street", "Square", "City", "Island", "Region", "Province", *MONTH_NAMES, *DAY_NAMES,
    "China", "Chinese", "Russia", "Russian", "Japan", "Japanese", "America", "American",
    "Americans", "Pyongyang", "Seoul", "Washington", "Beijing", "Moscow", "Tokyo", "Asia",
    "Pacific", "Indo", "Organization", "Organisation", "Institute", "Center", "Centre",
    "Times", "Post", "Journal", "Press", "Associated", "Senate", "Congress",
    "Republican", "Republicans", "Democrat", "Democrats", "National", "Convention",
    "Court", "Supreme", "Federal", "Bureau", "Union", "European", "Europe", "Kremlin",
    "Pentagon", "Summit", "Olympics", "Olympic", "Games", "Treaty", "Agreement", "Act",
    "Zone", "Sea", "Ocean", "Air", "Airlines", "Company", "Group", "Inc", "Corp",
    "Twitter", "Facebook", "Instagram", "YouTube", "Google", "Fox", "CNN", "BBC",
    "Office", "Administration", "Government", "Cabinet", "Parliament", "Prime", "Minister",
    "President", "Secretary", "General", "Association", "Foundation", "Fund", "Bank",
    "Service", "Services", "Media", "Network", "Television", "Radio", "Daily", "Review",
    "Club", "Hotel", "Road", "Avenue", "Building", "Tower",
    "The", "A", "An", "In", "On", "At", "For", "Of", "And", "But", "Or", "If", "As",
    "It", "He", "She", "They", "We", "This", "That", "These", "Those", "Its", "His", "Her",
    "Their", "Our", "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "New", "York", "Los",
    "Angeles", "Francisco", "Texas", "California", "Florida", "Iowa", "Ohio", "Virginia",
    "Carolina", "Hampshire", "Jersey", "Nevada", "Islands", "Valley", "County",
    "State", "Capitol", "Hill", "Trust", "Project", "Program", "Plan", "Initiative",
    "Taiwan", "Ukraine", "Ukrainian", "Kursk", "Wonsan", "Middle", "Iran", "Iraq",
    "Syria", "Israel", "India", "Vietnam", "Mongolia", "Philippines", "Australia", "Britain",
    "British", "France", "French", "Germany", "German", "Canada", "Mexico", "Cuba",
    "Communist", "Workers", "Politburo", "Election", "Campaign", "Primary", "Debate",
    "Caucus", "Caucuses", "Declaration", "Armistice", "Liberation", "Constitution",
    "Amendment", "Report", "Index", "Survey", "Poll", "Research", "Conference", "Forum",
    "Talks", "Meeting", "Dialogue", "Nonproliferation", "Proliferation", "UN", "U.N.", "EU",
    "NATO", "ASEAN", "IAEA", "Representatives", "Delegates", "Envoys", "Officials",
    # places named with a common noun ("the Yalu River", "Mount Paektu") are no one's name
    # (not "Park", "Hall", "Bay": surnames too)
    "River", "Mountain", "Mountains", "Mount", "Lake", "Gulf", "Harbor", "Harbour",
    "Bridge", "Airport", "Station", "Coast", "Canal", "Palace", "Stadium", "Museum", "Plaza",
    "Prefecture", "Border", "Desert", "Reservoir", "Dam", "Complex",
}


#: words after the head of a description of one person ("a source in …", "a resident of …")
_DESCRIPTION_TAIL = frozenset({"of", "in", "from", "at", "inside", "near", "close", "familiar",
                               "with", "based"})


# Any word a name part can be (a _NAME_WORD or a connector), at a word start and ending where
# a part must end: one compiled pattern instead of one per article.
# (?<![\w’'\-])(?:{_NAME_WORD}|de|van|von|bin|al)(?![\w\-]), first character first
_PART_WORD = re.compile(r"[A-Zdvba](?<![\w’'\-].)(?:(?<=[A-Z])(?:[a-z]+(?:[A-Z][a-z]{2,})?"
                        r"(?:[\-’'][A-Za-z][a-z]+)*|\.)|(?<=d)e|(?<=v)(?:an|on)|(?<=b)in|(?<=a)l)(?![\w\-])")


def _name_parts(text: str, parts) -> list[tuple[int, str]]:
    """Occurrences of the words in ``parts`` (name parts) as whole words, in order.

    The same as finditer with the alternation of ``parts``, longest first, between
    ``(?<![\\w’'\\-])`` and ``(?![\\w\\-])``: a part matching at a position is a name word
    there, so it is the word the generic pattern finds or a prefix of it that ends before an
    apostrophe; the longest of those in ``parts`` wins.
    """
    out = []
    for mm in _PART_WORD.finditer(text):
        w = mm.group()
        if w in parts:
            out.append((mm.start(), w))
            continue
        k = len(w)
        while True:
            k = max(w.rfind("’", 0, k), w.rfind("'", 0, k))
            if k <= 0:
                break
            if w[:k] in parts:
                out.append((mm.start(), w[:k]))
                break
    return out


@lru_cache(maxsize=4096)
def _looks_person(name: str) -> bool:
    words = name.split()
    if not words or words[0].lower() in _DETS:
        return False
    return all(_cap(w) for w in words) and not any(w in _NOT_PERSON for w in words)


#: a sentence opening with a name and a lower-case verb ("Hill flew to Beijing …")
_OPENER = re.compile(r"(?P<name>[A-Z][\w’'\-]+(?:[ \t]+[A-Z][\w’'\-]+){0,3})[ \t]+[a-z]")


class _Names:
    """Per-article state: the text, cues, names seen, genders (the base of the engine)."""

    def __init__(self, text: str, cues: Cues, gender_of: Callable[[str], str | None] | None):
        self.text = text
        self.cues = cues
        self.gender_of = gender_of
        self.genders: dict[str, str | None] = {}
        self._names: list[tuple[int, str]] | None = None
        self._mentions: list[tuple[int, str]] | None = None
        self._all = None
        self._pron = None
        #: speakers that are institutions though named like a person ("Hangyore")
        self.institution_names: set[str] = set()
        self.institution_roles: dict[str, str] = {}  # its fuller mention ("the DPRK's …")
        self._institutions = None

    # --- names, genders and resolution -----------------------------------------------------

    def names(self) -> list[tuple[int, str]]:
        """Person-like names (two to four capitalised words) with their offsets, in order."""
        if self._names is None:
            out = []
            for mm in _NAME_RE.finditer(self.text):
                found = mm.group(0)
                if "\n" in found:  # a caption's credit on the line before: "… /The Guardian"
                    found = found[found.rindex("\n") + 1:]
                words = found.split()
                k = len(words)
                while k > 0 and not (words[k - 1] in self.cues.titles or
                                     words[k - 1] in _CAP_STOP or words[k - 1] in _NOT_PERSON
                                     or words[k - 1].endswith(("’s", "'s"))):
                    k -= 1
                words = words[k:]
                if len(words) < 2 or self._only_titles(words):
                    continue
                start = mm.end() - len(" ".join(words))
                out.append((start, " ".join(words)))
            self._names = out
        return self._names

    def _only_titles(self, words: list[str]) -> bool:
        """A title with no name: "Assistant Secretary-General" (``titles``, ``title_parts``)."""
        parts = self.cues.title_parts
        return all(w in parts or all(x in parts for x in w.split("-")) for w in words)

    def full_name(self, short: str, pos: int) -> str:
        """A surname (or first name) to the fullest name given for it earlier in the text."""
        best = kin = None
        for p, name in self.names():
            if p >= pos:
                break
            parts = name.split()
            if name != short and (short in (parts[0], parts[-1]) or " " in short and
                                  name.endswith(" " + short)):
                if self._kin_of(p):  # "the younger brother of Olga Petrov"
                    kin = name
                    continue
                best = name  # (a particle surname too: "von der Leyen", "de Mistura")
        return best or kin or short

    def _kin_of(self, p: int) -> bool:
        """The name at ``p`` follows "<kin noun> of" (``kin`` in speech_cues.yaml)."""
        before = self.text[max(0, p - 30):p]
        if not before.endswith("of "):
            return False
        words = before.split()
        return len(words) >= 2 and words[-2].lower().rstrip("’'s") in self.cues.kin

    def gender(self, name: str) -> str | None:
        if name in self.genders:
            return self.genders[name]
        g = self.gender_of(name) if self.gender_of else None
        if g:
            g = {"m": "male", "f": "female"}.get(str(g).lower()[:1], None)
        if g is None:
            g = self._gender_from_text(name)
        self.genders[name] = g
        return g

    def _gender_from_text(self, name: str) -> str | None:
        """Gender from an honorific or the pronouns that follow the name's mentions."""
        text = self.text
        male, female, ends = self._pronoun_index()
        votes = 0
        for p, full in self.mentions():
            if full != name:
                continue
            pre = text[max(0, p - 6):p]
            if _MR.search(pre):
                votes += 3
            elif _MRS.search(pre):
                votes -= 3
            k = bisect.bisect_left(ends, p)
            stop = min(p + 120, ends[k] if k < len(ends) else len(text))
            votes += (bisect.bisect_left(male, stop) - bisect.bisect_left(male, p) -
                      bisect.bisect_left(female, stop) + bisect.bisect_left(female, p))
        if votes == 0:
            return None
        return "male" if votes > 0 else "female"

    def _pronoun_index(self):
        """Positions of he/his/him, she/her and sentence ends, computed once per article."""
        if self._pron is None:
            male, female = [], []
            if self.cues.gender_words_re is not None:
                for mm in self.cues.gender_words_re.finditer(self.text):
                    g = self.cues.gender_of_pronoun.get(mm.group(0).lower())
                    (male if g == "male" else female).append(mm.start())
            ends = [mm.start() for mm in _SENT_STOP.finditer(self.text)]
            self._pron = (male, female, ends)
        return self._pron

    def mentions(self) -> list[tuple[int, str]]:
        """Every mention of a person named in full: the full mentions and later short ones
        (``Park`` for an earlier ``Park Won-gon``), each with the full name, in order."""
        if self._mentions is None:
            names = self.names()
            by_part: dict[str, list[tuple[int, str]]] = {}
            for p, name in names:
                parts = name.split()
                for part in {parts[0], parts[-1]}:
                    by_part.setdefault(part, []).append((p, name))
            out = list(names)
            if by_part:
                for start, part in _name_parts(self.text, by_part):
                    lst = by_part[part]
                    k = bisect.bisect_left(lst, (start, "")) - 1
                    if k >= 0 and lst[k][0] + len(lst[k][1]) <= start:
                        out.append((start, lst[k][1]))
            out.sort()
            self._mentions = out
        return self._mentions

    def resolve_pronoun(self, word: str, pos: int, speakers: list[tuple[int, str]],
                        goes_on: bool = False) -> str:
        """Most recent compatible person before ``pos`` (speakers first, then names).

        ``goes_on`` ("he added", "she continued"): the latest speaker who is a person, when
        one spoke in the last paragraphs, goes on speaking, though others were named since."""
        wl = word.lower()
        want = self.cues.subject_pronouns.get(wl)
        if goes_on and want in ("male", "female"):
            for p, name in reversed(speakers):
                if p >= pos or name in self.institution_names:
                    continue
                if p < pos - _GOES_ON_WINDOW:
                    break
                if _looks_person(name) or self.person_description(name):
                    if self.gender(name) in (None, want):
                        return name
                    break
        if want not in ("male", "female"):
            if wl == "it":
                for p, name in reversed(speakers):
                    if p < pos and (not _looks_person(name) or name in self.institution_names) \
                            and not self.person_description(name):
                        return name
            return word
        opener = self._own_sentence_opener(pos, speakers, want)
        if opener is not None:  # "Hill flew to Beijing, where he expressed hope that …"
            return opener
        titled = self.titled(max(0, pos - _TITLED_WINDOW), pos)
        near = sorted([(p, n) for p, n in speakers if p < pos and (
            _looks_person(n) or self.person_description(n)) and
                       n not in self.institution_names]
                      + [(p, n) for p, n, _g in titled], reverse=True)
        ms = self.mentions()
        # the article's full-name mentions before ``pos``, latest first, merged lazily with
        # the few speakers and titled surnames: the first compatible one ends the walk
        earlier = (ms[k] for k in range(bisect.bisect_left(ms, (pos, "")) - 1, -1, -1))
        short = {(p, n): g for p, n, g in titled}
        spoke = set(speakers)
        fronted = self._fronted_phrase(pos)
        for _p, name in heapq.merge(near, earlier, reverse=True):
            if fronted is not None and fronted <= _p or self._in_headline(_p):
                continue  # "At a meeting with Lee that day, he said": not Lee; a headline's
                # capitals ("Text Rejected on Account of Veto Cast") are no one's name
            if (_p, name) in short:  # a surname after a title: its full name, its honorific
                g = short[(_p, name)]
                name = self.full_name(name, _p)
                g = g or self.gender(name)
            else:
                g = self.gender(name)
            if g is None or g == want:
                if (_p, name) in spoke:
                    return name
                return self._speaker_before(_p, speakers, want) or \
                    self._prior_subject(_p, pos, want) or \
                    self._sentence_subject(_p, name, want) or name
        return word

    def _own_sentence_opener(self, pos: int, speakers: list[tuple[int, str]],
                             want: str | None) -> str | None:
        """The person who spoke before and opens the pronoun's own sentence as its subject
        ("Hill flew to Beijing from Tokyo, where he expressed hope …" is Hill), when no other
        person's name or word of one stands between them."""
        m = self.text
        st = self._sentence_start(pos)
        mm = _OPENER.match(m, st, pos)
        if mm is None:
            return None
        name = mm.group("name")
        spoke = {n for p, n in speakers if p < st and n not in self.institution_names}
        g = self.gender(name)
        if name not in spoke or g not in (None, want):
            return None
        if not _looks_person(name) and not self._spoke_as(name, speakers, st, want):
            return None  # ("Hill" is no name word alone, but "Hill said he …" is a man's)
        between = m[mm.end():pos]
        if "\n" in between or "“" in between or "\"" in between:
            return None
        words = {w for p, n in self.names() if p < pos for w in n.split()} | {
            w for n in spoke for w in n.split()}
        if any(w.strip(".,;:’'s") in words for w in between.split()):
            return None
        return name

    def _spoke_as(self, name: str, speakers: list[tuple[int, str]], hi: int,
                  want: str | None) -> bool:
        """A speaker credited as ``name`` before ``hi`` was followed, in its sentence, by the
        pronoun ``want`` ("Hill said he would …")."""
        male, female, ends = self._pronoun_index()
        marks = male if want == "male" else female if want == "female" else None
        if marks is None:
            return False
        for p, n in speakers:
            if n != name or p >= hi:
                continue
            k = bisect.bisect_left(ends, p)
            stop = min(p + 120, ends[k] if k < len(ends) else len(self.text))
            if bisect.bisect_left(marks, stop) > bisect.bisect_left(marks, p):
                return True
        return False

    def _in_headline(self, pos: int) -> bool:
        """``pos`` lies on a line in title case with no end stop (a headline)."""
        t = self.text
        a = t.rfind("\n", 0, pos) + 1
        b = t.find("\n", pos)
        line = t[a:b if b >= 0 else len(t)].strip()
        words = line.split()
        if len(words) < 3 or len(line) > 160 or line[-1:] in ".!?”\"":
            return False
        caps = sum(1 for w in words if w[:1].isupper())
        return caps >= 0.7 * len(words)

    def _sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts: after the last sentence end before it."""
        m = getattr(self, "masked", None) or self.text
        lo = max(0, pos - 1000)
        i = pos
        while True:  # back over the stops that end no sentence ("Mr.", "U.S.")
            j = max(m.rfind(".", lo, i), m.rfind("\n", lo, i), m.rfind("!", lo, i),
                    m.rfind("?", lo, i))
            if j < 0:
                return lo
            mm = _PRIOR_END.match(m, j)
            if mm is not None and mm.end() <= pos and not _NOT_NEW_SENTENCE.match(m, mm.end()):
                return mm.end()
            i = j

    def _fronted_phrase(self, pos: int) -> int | None:
        """The start of a prepositional phrase that opens the pronoun's sentence and ends
        right before it ("At a meeting with Lee that day, he said"): a name in it is not the
        pronoun's."""
        m = getattr(self, "masked", None) or self.text
        st = self._sentence_start(pos)
        lead = m[st:pos]
        if _FRONTED.match(lead) and lead.rstrip().endswith(",") and "\x00" not in lead:
            return st
        return None

    def _sentence_subject(self, pick: int, picked: str, want: str) -> str | None:
        """"he said" whose latest name (``pick``) is the object of a sentence that another
        person opens ("Kishida explained to Kerry the lifting of sanctions. … He said" is
        Kishida): the subject of that sentence is the more likely one."""
        m = getattr(self, "masked", None) or self.text
        st = self._sentence_start(pick)
        ms = self.mentions()
        k = bisect.bisect_left(ms, (st, ""))
        if k >= len(ms) or ms[k][0] >= pick:
            return None
        p, name = ms[k]
        if name == picked or picked.endswith(" " + name) or name.endswith(" " + picked):
            return None
        lead = m[st:p].split()
        if any(not _cap(w) or w.endswith(",") for w in lead) or len(lead) > 4:
            return None  # the name must open the sentence (a title before it may)
        rest = _NAME_RUN.match(m, p)
        after = m[rest.end():pick] if rest else ""
        if not re.match(r"\s+[a-z]+\b", after) or re.search(r"[,;:“”\x00]", after):
            return None  # its verb follows the name, with no clause break before the object
        if self.gender(name) not in (None, want) or not _looks_person(name):
            return None
        return name

    def _speaker_before(self, pick: int, speakers: list[tuple[int, str]],
                        want: str) -> str | None:
        """"he said" whose latest name (``pick``, no speaker) sits in a sentence whose cue
        has a person as its speaker before it: that name is what the speaker talked about
        ("The president said he refused Mr. Kim's demand. “…,” he said." is the president,
        not Kim), so the speaker goes on speaking."""
        m = getattr(self, "masked", None) or self.text
        for p, name in reversed(speakers):
            if p >= pick:
                continue
            if _PRIOR_END.search(m, p, pick) is not None:
                return None
            if name in self.institution_names or not (
                    _looks_person(name) or self.person_description(name)):
                return None
            return name if self.gender(name) in (None, want) else None
        return None

    def _prior_subject(self, pick: int, pos: int, want: str) -> str | None:
        """"he said" after a sentence whose subject is one person and whose later names sit
        inside it ("Kim, 63, whose son …, was upset after he watched a debate in which Lee
        beat Park. “…,” he said." is Kim, not Park): the subject of the sentence just before
        the pronoun's, when the latest name (``pick``, no speaker) is a later name in it."""
        m = getattr(self, "masked", None) or self.text
        lo = max(0, pos - 2000)
        ends: list[int] = []
        for mm in _PRIOR_END.finditer(m, lo, pos):
            if ends and m[ends[-1]:mm.start()].strip() == "":
                ends[-1] = mm.end()  # (a blank line, a dot then a line break: one end)
            else:
                ends.append(mm.end())
        if not ends:
            return None
        own = ends[-1]  # where the pronoun's sentence starts
        prev = ends[-2] if len(ends) > 1 else lo
        if not prev <= pick < own:
            return None
        ms = self.mentions()
        k = bisect.bisect_left(ms, (prev, ""))
        if k >= len(ms) or ms[k][0] >= pick:
            return None
        p, name = ms[k]
        lead = _HONORIFIC_END.sub("", m[prev:p]).strip()  # ("…, Mr. Park Min-soo, 81, …")
        if lead and not (lead.endswith(",") and len(lead.split()) <= 6 and
                         not re.search(r"[“”\"\x00]", lead)):
            return None  # the name does not open the sentence ("In Seoul, Kim …" does)
        rest = _NAME_RUN.match(m, p)
        if rest is None or not re.match(r"\s*,", m[rest.end():pick]):
            return None  # only a subject set off by an apposition: "Kim, 63, whose …, was"
        if self.gender(name) not in (None, want) or not _looks_person(name):
            return None
        return name

    def person_description(self, name: str) -> bool:
        """A speaker that is one person described, not named: "the U.S. official", "The
        spokesman", "a senior Asian diplomat" (a candidate for a later "he"/"she")."""
        words = name.split()
        if len(words) < 2 or words[0].lower() not in _DETS or \
                words[0].lower() in _PLURAL_DETS:
            return False
        for k, w in enumerate(words[2:], 2):
            if w in _DESCRIPTION_TAIL:  # "the representative of the United States", "a
                words = words[:k]  # source in North Hamgyong Province"
                break
        else:
            if len(words) > 9:
                return False
        if len(words) > 6:
            return False
        head = words[-1].lower()
        return words[-1].islower() and (head in self.cues.person_heads or
                                        head in self.cues.people_heads and head != "people")

    def titled(self, lo: int, hi: int) -> list[tuple[int, str, str | None]]:
        """A surname alone after a title or an honorific ("opposition leader Lee", "Mr. Lee")
        in ``text[lo:hi]``, with the honorific's gender (its full name is looked up when it
        is chosen). Only the stretch just before a pronoun is searched: further back, the
        speakers and full names already give the candidates."""
        out = []
        for mm in self.cues.titled_re.finditer(self.text, lo, hi):
            t = mm.group("title")
            g = "male" if t in ("Mr", "Mr.") else "female" if t.rstrip(".") in (
                "Mrs", "Ms", "Miss") else None
            name = mm.group("name")
            if name not in _NOT_PERSON:
                out.append((mm.start("name"), name, g))
        return out
