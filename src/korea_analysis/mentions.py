"""Find every actor mention in the body sentences of one article.

Rules, in the order they apply: a person not in the dictionary but introduced with a role
and a nationality or institution ("Chang Ho-jin, South Korea's national security adviser")
is recorded with that country; dictionary names match longest-first on word tokens; "the
North"/"the South" count only in an article about Korea; a surname alone ("Park", "Kim")
resolves to the person last named in full earlier in the article, else to the one person
with that surname holding office on the publication date. Event names listed as
``not_actors`` ("Korean War") block a match.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from korea_analysis.actors import _TOKEN as _WORD
from korea_analysis.actors import ActorDictionary, Person, tokens
from korea_analysis.persons import (  # noqa: F401  (re-exported: older callers import here)
    _GIVEN_SYLLABLES,
    _NOT_NAME,
    _ROLE,
    _TITLE_WORDS,
    PENDING,
    ROLE_WORDS,
    SURNAME_FIRST,
    article_context,
    credit_names,
    credits,
    first_actor,
    known,
    legislature_state,
    new_people,
)

#: How a mention's actor was decided (the ``actor_source`` column): ``dictionary`` (a name,
#: demonym, capital, institution or person of the dictionary, or a surname resolved by it),
#: ``title`` (a nationality or office word before the name: "Chinese Foreign Ministry
#: spokesperson Hua Li"), ``apposition`` (a description after the name: "Han Ji-soo, South
#: Korea's national security adviser"), ``institution`` (the person's body in
#: affiliations.yaml: "a researcher at the Middlebury Institute"), ``context`` (the article:
#: its dateline, a ministry or government named before, "said in Tokyo"), ``description``
#: (a definite description resolved to the office holder: "the Russian leader").
SOURCES = ("dictionary", "title", "apposition", "institution", "context", "mention",
           "description")

_WORDS_BEFORE = re.compile(r"(?:[\w’'.-]+\s+){0,6}$")  # the description: up to six words
_GROUP_AFTER = {"family", "dynasty", "regime", "clan", "era"}
_TOP_TITLES = ("leader", "supreme leader", "general secretary", "president", "prime minister",
               "premier", "chairman", "acting president")


@dataclass(slots=True)
class Mention:
    sentence_id: int
    start: int
    end: int
    text: str
    actor: str
    entity: str
    kind: str  # country, demonym, capital, institution, person, byline
    role: str = ""  # a person's position on the publication date
    actor_source: str = "dictionary"  # how ``actor`` was decided: one of SOURCES


def _surname_of(name: str) -> str:
    parts = re.split(r"\s+", name)
    return parts[0] if parts[0] in SURNAME_FIRST or len(parts) > 2 else parts[-1]


def role_word_starts(text: str) -> list[int] | None:
    """Where a role word may start in ``text`` (sorted), to skip the sentences without one.

    ``_ROLE`` is slow to run over every sentence, so the lower-cased text is searched for the
    words first. None when lower-casing could disagree with the regex's case folding
    (a length change, or "ı"/"ſ", which ``re.I`` takes for "i"/"s"): then every sentence runs
    the regex.
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text:
        return None
    starts = []
    for w in ROLE_WORDS:
        i = low.find(w)
        while i >= 0:
            starts.append(i)
            i = low.find(w, i + 1)
    starts.sort()
    return starts


def _role_matches(text: str, a: int, b: int, role_starts: list[int] | None) -> list[re.Match]:
    """``_ROLE.finditer(text, a, b)``, trying the regex only where a role word starts."""
    if role_starts is None:
        return list(_ROLE.finditer(text, a, b))
    out: list[re.Match] = []
    last = a
    for x in role_starts[bisect_left(role_starts, a):bisect_left(role_starts, b)]:
        if x >= last and (m := _ROLE.match(text, x, b)):
            out.append(m)
            last = m.end()
    return out


def find_mentions(text: str, sentences, actors: ActorDictionary,
                  published: dt.date | None = None) -> list[Mention]:
    """Mentions in the body sentences of one article, in text order.

    ``sentences`` are :class:`korea_analysis.text.Sentence` objects (or anything with
    ``start``, ``end`` and ``body``); ``sentence_id`` is the index into that list.
    """
    # surname -> (name, actor, person, actor_source)
    recent: dict[str, tuple[str, str, Person | None, str]] = {}
    out: list[Mention] = []
    role_starts = role_word_starts(text)
    ctx = article_context(text, actors)
    ctx.recent = recent
    media = actors.media  # outlets report: a news agency is not an official's government
    state_media = actors.state_media
    first = actors.first
    for sid, s in enumerate(sentences):
        if not s.body:
            if _TRANSCRIPT_TITLE.search(text, s.start, s.end):
                out += _transcript_speaker(text, sid, s, actors, published, recent)
            continue
        has_role = bool(_role_matches(text, s.start, s.end, role_starts))
        new = {start: (end, name, actor, src) for start, end, name, actor, src in
               new_people(text, s.start, s.end, actors, ctx, has_role)}
        # The words first; their offsets (a tuple per token) only once a sentence needs them:
        # most sentences name nobody, and most words that could start a name do not.
        toks = tokens(text, s.start, s.end) if new else None
        words = [t[0] for t in toks] if new else _WORD.findall(text, s.start, s.end)
        # Only a dictionary word or a capitalised one can start a mention; the other tokens
        # are skipped (all are visited when a new person starts somewhere in the sentence).
        todo = range(len(words)) if new else [
            i for i, w in enumerate(words) if w in first or w[0].isupper()]
        nxt = 0  # tokens before this one belong to a mention already found
        for i in todo:
            if i < nxt:
                continue
            tok = words[i]
            if new and toks[i][1] in new:
                ta = toks[i][1]
                end, name, actor, src = new.pop(ta)
                out.append(Mention(sid, ta, end, text[ta:end], actor, name, "person", "", src))
                recent[_surname_of(name)] = (name, actor, None, src)
                nxt = i
                while nxt < len(toks) and toks[nxt][1] < end:
                    nxt += 1
                continue
            n = _longest_words(words, i, actors) if tok in first else 0
            if n:
                if toks is None:
                    toks = tokens(text, s.start, s.end)
                e = actors.entries[tuple(words[i:i + n])]
                a, b = toks[i][1], toks[i + n - 1][2]
                for code in e.actors:
                    role = ""
                    if e.person is not None:
                        pos = e.person.position_on(published)
                        role = pos.title if pos else ""
                        if e.person.surname:
                            for sn in (e.person.surname, *e.person.surname_variants):
                                recent[sn] = (e.person.name, code, e.person, "dictionary")
                    out.append(Mention(sid, a, b, text[a:b], code, e.entity, e.kind, role))
                    if e.kind == "institution" and e.entity not in media \
                            and e.entity not in state_media:
                        ctx.institutions.append((a, code))
                    elif role and not e.person.analyst:  # an office holder on the date
                        ctx.leaders.append((a, code))
                        if role.lower() == "president":
                            ctx.presidents.append((a, code))
                nxt = i + n
                continue
            if not tok[0].isupper():  # most words: no name, no surname, not North/South
                continue
            m = None
            if tok in ("North", "South") and i and words[i - 1] in ("the", "The"):
                if toks is None:
                    toks = tokens(text, s.start, s.end)
                m = _the_north_south(toks, i)
            if m is None and (tok in recent or tok in actors.surnames):
                if toks is None:
                    toks = tokens(text, s.start, s.end)
                m = _surname(toks, i, recent, actors, published, out)
            if m is not None:
                a, b, code, entity, kind, role, src = m
                out.append(Mention(sid, a, b, text[a:b], code, entity, kind, role, src))
                if role.lower() in _TOP_TITLES:
                    ctx.leaders.append((a, code))
                    if role.lower() == "president":
                        ctx.presidents.append((a, code))
    # "the North"/"the South" name the Koreas only in an article about Korea
    ns = {"the North", "the South", "The North", "The South"}
    if "Korea" not in text and not any(m.actor in ("PRK", "KOR") and m.text not in ns
                                       for m in out):
        out = [m for m in out if m.text not in ns]
    elif actors.house_style_re is not None:
        out = _house_style(text, sentences, out, actors)
    if actors.offices_re is not None:
        out = _descriptions(text, out, actors, published)
    if any(m.actor_source == PENDING for m in out):
        # legislators named with no nationality: the article's parties decide, else they
        # are not recorded
        code = legislature_state(text, out, actors)
        out = [dataclasses.replace(m, actor=code, actor_source="context")
               if m.actor_source == PENDING else m
               for m in out if code or m.actor_source != PENDING]
    spans = credits(text)
    if spans:
        out = _bylines(text, sentences, out, spans, actors)
    return out


#: the title of a transcript that names who speaks in it: "Foreign Ministry Spokesperson
#: Hong Lei's Regular Press Conference on …", "Regular Briefing by Spokesperson …",
#: "Opening Statement by Chief Cabinet Secretary Suga"
_TRANSCRIPT_TITLE = re.compile(r"\b(?:Press\s+Conference|Briefing|Statement|Remarks|Press\s+"
                               r"Remarks|Speech|Address|Interview)\b")


def _transcript_speaker(text: str, sid: int, s, actors: ActorDictionary, published,
                        recent) -> list[Mention]:
    """The dictionary people a transcript's title names (the speaker of the transcript, a
    person of the article though the title is not body text), by full name or by a surname
    after a title word ("… by Chief Cabinet Secretary Suga")."""
    toks = tokens(text, s.start, s.end)
    words = [t[0] for t in toks]
    found = []
    for i, w in enumerate(words):
        if found and toks[i][1] < found[-1].end:
            continue
        n = _longest_words(words, i, actors) if w in actors.first else 0
        if n:
            e = actors.entries[tuple(words[i:i + n])]
            if e.kind != "person" or e.person is None:
                continue
            pos = e.person.position_on(published)
            a, b = toks[i][1], toks[i + n - 1][2]
            found.append(Mention(sid, a, b, text[a:b], e.actors[0], e.entity, "person",
                                 pos.title if pos else ""))
            if e.person.surname:
                recent[e.person.surname] = (e.person.name, e.actors[0], e.person, "dictionary")
        elif w in actors.surnames and i and words[i - 1] in _TITLE_WORDS:
            m = _surname(toks, i, recent, actors, published)
            if m is not None:
                a, b, code, entity, kind, role, src = m
                found.append(Mention(sid, a, b, text[a:b], code, entity, kind, role, src))
    return found


def _bylines(text: str, sentences, out: list[Mention], spans, actors: ActorDictionary
             ) -> list[Mention]:
    """People named in bylines and credits get kind ``byline`` (kept, never counted): a
    person mention there is turned into one, and any other name there is added with the
    dictionary's country or none."""
    def inside(a, b):
        return any(s <= a and b <= e for s, e in spans)

    res = [dataclasses.replace(m, kind="byline", role="", actor_source="")
           if m.kind == "person" and inside(m.start, m.end) else m for m in out]
    taken = [(m.start, m.end) for m in res]
    starts = [s.start for s in sentences]
    for s, e in spans:
        for a, b in credit_names(text, s, e):
            if any(x < b and a < y for x, y in taken):
                continue
            sid = max(bisect_left(starts, a + 1) - 1, 0)
            person = actors.person(text[a:b])
            res.append(Mention(sid, a, b, text[a:b], person.actor if person else "",
                               person.name if person else text[a:b], "byline", "", ""))
    return sorted(res, key=lambda m: m.start)


def _house_style(text: str, sentences, out: list[Mention], actors: ActorDictionary
                 ) -> list[Mention]:
    """State-media words in an article about Korea: "the north", "puppet", "the U.S.
    imperialists" (``house_style`` in the dictionary); a word inside a mention is left."""
    found = list(actors.house_style_re.finditer(text))
    if not found:
        return out
    starts = [s.start for s in sentences]
    spans = [(m.start, m.end) for m in out]
    extra = []
    for h in found:
        a, b = h.span()
        sid = bisect_left(starts, a + 1) - 1
        if sid < 0 or not sentences[sid].body or b > sentences[sid].end:
            continue
        if any(s < b and a < e for s, e in spans):
            continue
        extra.append(Mention(sid, a, b, text[a:b], actors.house_style[h.group()], "",
                             "country"))
    return sorted(out + extra, key=lambda m: m.start) if extra else out


def _descriptions(text: str, out: list[Mention], actors: ActorDictionary, published
                  ) -> list[Mention]:
    """"the Russian leader", "the U.S. president": the dictionary person holding that post
    on the publication date (undated: the one holder of it the article names elsewhere)."""
    named = None
    res = out
    for k, m in enumerate(out):
        if m.kind not in ("country", "demonym") or m.start < 4 \
                or text[m.start - 4:m.start] not in ("the ", "The "):
            continue
        o = actors.offices_re.match(text, m.end)
        if o is None:
            continue
        if named is None:
            named = {x.entity for x in out if x.kind == "person"}
        person = office_holder(actors, m.actor, actors.offices[o.group(1)], published, named)
        if person is None:
            continue
        if res is out:
            res = list(out)
        pos = person.position_on(published)
        res[k] = Mention(m.sentence_id, m.start - 4, o.end(), text[m.start - 4:o.end()],
                         m.actor, person.name, "person", pos.title if pos else "",
                         "description")
    return res


def office_holder(actors: ActorDictionary, actor: str, titles, published, named=()
                  ) -> Person | None:
    """The one person of ``actor`` holding the first of ``titles`` that has one holder on
    ``published``; undated, the one holder of it (any date) among the ``named`` people."""
    people = [p for p in actors.people if p.actor == actor]
    for title in titles:
        if published is not None:
            holders = [p for p in people if any(pos.title == title and pos.held_on(published)
                                                for pos in p.positions)]
        else:
            holders = [p for p in people if p.name in named
                       and any(pos.title == title for pos in p.positions)]
        if len(holders) == 1:
            return holders[0]
        if holders:
            return None
    return None


def _longest(toks, i: int, actors: ActorDictionary) -> int:
    """Tokens in the longest dictionary entry starting at token ``i`` (0: none).

    A not_actors entry counts too: it consumes its tokens and emits nothing.
    """
    entries, prefixes = actors.entries, actors.prefixes
    best, key = 0, ()
    for n in range(1, min(actors.first.get(toks[i][0], 0), len(toks) - i) + 1):
        key += (toks[i + n - 1][0],)
        if key not in prefixes:
            break  # no entry goes on like this
        if key in entries:
            best = n
    return best


def _longest_words(words: list[str], i: int, actors: ActorDictionary) -> int:
    """:func:`_longest` on the words alone (no offsets)."""
    entries, prefixes = actors.entries, actors.prefixes
    best, key = 0, ()
    for n in range(1, min(actors.first.get(words[i], 0), len(words) - i) + 1):
        key += (words[i + n - 1],)
        if key not in prefixes:
            break  # no entry goes on like this
        if key in entries:
            best = n
    return best


def _the_north_south(toks, i: int):
    tok = toks[i][0]
    if tok not in ("North", "South") or i == 0 or toks[i - 1][0] not in ("the", "The"):
        return None
    nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
    if nxt[:1].isupper() or nxt == "-":  # "the South China Sea", "the North-South summit"
        return None
    code = "PRK" if tok == "North" else "KOR"
    return toks[i - 1][1], toks[i][2], code, "", "country", "", "dictionary"


#: surnames that are also English words capitalised at a sentence start ("No matter how …",
#: "So far", "He said"): alone they name the person only after a title ("Minister No") or
#: before a speech verb ("No said")
_WORD_SURNAMES = frozenset({"No", "So", "An", "Oh", "Do", "Go", "He", "Ha", "Ma", "Ye"})
_SPEECH_NEXT = frozenset({"said", "says", "told", "added", "stressed", "noted", "warned"})


def _surname(toks, i: int, recent, actors: ActorDictionary, published, out=()):
    tok, a, b = toks[i]
    nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
    if nxt in _GROUP_AFTER:
        return None
    # "Han Do-yun", "Kim Min-seok": a surname written first, then a given name that is not
    # the dictionary's, names somebody else
    if (tok in SURNAME_FIRST and nxt[:1].isupper() and nxt.isalpha()
            and toks[i + 1][1] == b + 1
            and (nxt not in _NOT_NAME or nxt in _GIVEN_SYLLABLES)):  # ("Kim So-yeon")
        return None
    if tok in _WORD_SURNAMES and nxt not in _SPEECH_NEXT:
        prev = toks[i - 1][0] if i else ""
        if prev == "." and i > 1:  # "Mr. No"
            prev = toks[i - 2][0]
        if prev not in _TITLE_WORDS and prev not in _TITLE_BEFORE:
            return None
    if tok in recent:
        name, code, person, src = recent[tok]
    else:
        title = toks[i - 1][0] if i else ""
        if title == "Minister" and i > 1 and toks[i - 2][0] == "Prime":
            title = "Prime"
        counts: dict[str, int] = {}
        for m in out:
            counts[m.actor] = counts.get(m.actor, 0) + 1
        person = _office_holder(tok, actors, published, title, counts)
        if person is None:
            return None
        name, code, src = person.name, person.actor, "dictionary"
        recent[tok] = (name, code, person, src)
    role = ""
    if person is not None:
        pos = person.position_on(published)
        role = pos.title if pos else ""
    return a, b, code, name, "person", role, src


#: a title word right before a surname ("Premier Kim") -> the position titles it names
_TITLE_BEFORE = {
    "President": ("president", "acting president", "head of state"),
    "Premier": ("premier", "prime minister"), "Prime": ("premier", "prime minister"),
    "PM": ("premier", "prime minister"), "Chairman": ("chairman", "leader", "president"),
    "Leader": ("leader",), "Secretary": ("secretary of state", "secretary of defense",
                                         "general secretary", "secretary-general"),
    "Minister": ("foreign minister", "defence minister", "unification minister"),
    "Ambassador": ("ambassador",), "Envoy": ("envoy",), "Spokesperson": ("spokesperson",),
}
_LEADER_TITLES = ("leader", "supreme leader", "general secretary", "president",
                  "acting president", "chairman", "head of state")


def _office_holder(surname: str, actors: ActorDictionary, published, title: str = "",
                   counts: dict[str, int] | None = None) -> Person | None:
    """Whom a surname alone names when nobody was named in full before it.

    Analysts never: they are named in full. Then, in order: a title word right before the
    surname ("Premier Kim") picks the one holder of such a post on the date; the one person
    with that surname, if in office; the holders of a top office (leader,
    president, premier), and if several, those of the actor the article has named most so
    far, the leader or president over the premier. When nobody with that surname holds a post
    on the date, the one person in the whole dictionary with it (and some post begun by the
    date: "Trump" in 2024). "Lee" in 2023 therefore stays unresolved, "Yoon" is the president.
    """
    people = [p for p in actors.surnames.get(surname, ()) if not p.analyst]
    if not people:
        return None
    posts = {p.name: pos for p in people if (pos := p.position_on(published)) is not None}
    if title in _TITLE_BEFORE:
        fit = [p for p in people if p.name in posts
               and posts[p.name].title.lower() in _TITLE_BEFORE[title]]
        if len(fit) == 1:
            return fit[0]
    holders = [p for p in people if p.name in posts]
    if len(people) == 1 and holders:
        return holders[0]
    if not holders:
        if len(people) == 1 and published is not None and any(
                pos.start is not None and pos.start <= published for pos in people[0].positions):
            return people[0]
        return None
    top = [p for p in holders if posts[p.name].title.lower() in _TOP_TITLES]
    if len(top) > 1 and counts:
        best = max(counts.get(p.actor, 0) for p in top)
        top = [p for p in top if counts.get(p.actor, 0) == best]
    if len(top) > 1:
        lead = [p for p in top if posts[p.name].title.lower() in _LEADER_TITLES]
        top = lead if lead else top
    return top[0] if len(top) == 1 else None
