"""Word lists and small text helpers shared by the speaker rules (closed classes, stops)."""
from __future__ import annotations

import re

_TOKEN = re.compile(r"[^\s\x00“”]+")
#: weekday and month names: every time pattern of the package is built from these
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
#: a weekday as a word of its own, not its possessive ("said Monday's test …" opens a clause)
DAYS_RE = "(?:" + "|".join(DAY_NAMES) + r")(?![\w’'])"
MONTHS_RE = "(?:" + "|".join(MONTH_NAMES) + r")(?![\w’'])"
_DETS = {"the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our",
         "my", "your", "one", "two", "three", "four", "five", "some", "many", "several",
         "most", "all", "both", "another", "other", "each", "every", "no", "few", "former",
         "top", "senior", "any", "such", "more", "fellow", "longtime", "then"}
_NP_STOP = {"that", "which", "whom", "whose", "when", "where", "while", "because", "since",
            "although", "though", "if", "unless", "whether", "as", "than", "so", "but", "or",
            "nor", "yet", "is", "are", "was", "were", "be", "been", "being", "has", "have",
            "had", "will", "would", "can", "could", "may", "might", "must", "shall",
            "should", "do", "does", "did", "not", "also", "then", "to", "after", "before",
            "what", "how", "why", "once", "even", "only", "just", "said", "says", "there",
            "here", "now", "we", "you", "i", "he", "she", "they", "it", "him", "them", "me",
            "us", "said,", "ago", "until", "having", "by", "with", "without", "into", "onto",
            "upon", "against", "over", "under", "through", "about", "from", "yesterday", "today"}
_CAP_STOP = {"In", "On", "At", "After", "Before", "When", "While", "As", "If", "Although",
             "Outside", "Inside", "Across", "Near", "Around", "Among", "Within", "Beyond",
             "Along", "Against", "Behind", "Into", "Upon", "Over", "Throughout", "Where",
             "Whether", "What", "Why", "How", "Who", "Whatever", "Whoever", "Not", "Such",
             "Though", "But", "And", "However", "Meanwhile", "Still", "Yet", "So", "Since",
             "Because", "During", "Despite", "Amid", "Following", "Speaking", "Asked", "For",
             "With", "Without", "Then", "Now", "Later", "Earlier", "Also", "Instead", "Last",
             "This", "That", "Today", "Yesterday", *DAY_NAMES, "Separately", "Indeed", "Thus",
             "Here", "There", "Or", "Nor", "Once", "Until", "Like", "Unlike", "Under",
             "From", "Through", "By", "To", "Of", "Even", "Just", "Only", "Finally"}
_NP_INNER = {"of", "the", "for", "at", "in", "on", "and", "de", "del", "da", "van", "von",
             "bin", "al", "le", "la", "di", "du", "&", "el", "der", "den", "ibn", "-", "–"}
_PREPS = {"in", "on", "at", "during", "after", "before", "from", "with", "by", "through",
          "over", "under", "into", "amid", "despite", "following", "via", "since", "for"}
_NP_LEAD_STRIP = {"of", "for", "at", "in", "on", "and", "&", "-", "–", "to", "or"}
_NAME_CONNECT = {"de", "del", "da", "van", "von", "bin", "al", "le", "la", "di", "du", "der",
                 "den", "ibn", "el", "y"}
_WEEKDAYS = set(DAY_NAMES) | {d + "’s" for d in DAY_NAMES}
_AFTER_STOP = {"who", "which", "that", "when", "while", "as", "after", "before", "during",
               "in", "on", "at", "last", "this", "earlier", "later", "told", "adding",
               "referring", "according", "because", "if", "but", "to", "about", "of",
               "noting", "saying", "and", "since", "through", "via", "with", "from", "by",
               "for", "recently", "then", "yesterday", "today", "tonight", "where",
               # prepositions of circumstance: "said Minister X following a meeting with …"
               "following", "amid", "ahead", "despite", "without"}


def _ing(form: str) -> bool:
    """A participle cue ("saying", "referring to")."""
    return form.split(" ", 1)[0].endswith("ing")


def _cap(w: str) -> bool:
    c = w.lstrip("(\"'‘“[")[:1]
    return c.isupper() or c.isdigit()


def _strip_punct(a: int, b: int, s: str) -> tuple[int, int]:
    while a < b and s[a] in " \t\n,;:—–-(\"'‘’”“\u00a0\x00":
        a += 1
    while b > a and s[b - 1] in " \t\n,;:—–-\"'‘’”“.\u00a0\x00" and not (
            s[b - 1] == "." and b - a >= 2 and (s[b - 2].isupper() or s[a:b].count(".") > 1)):
        b -= 1
    return a, b


_VERBISH = {"met", "took", "made", "gave", "went", "came", "got", "led", "held", "left",
            "sent", "spent", "won", "lost", "ran", "began", "saw", "knew", "thought",
            "wants", "sees", "gets", "makes", "takes", "gives", "seems", "looks", "needs",
            "plans", "hopes", "believes", "remains", "continues", "faces", "leads"}


_BE = {"is", "are", "was", "were", "be", "been", "being", "’s", "'s", "keeps", "kept",
       "started", "began", "begin", "keep", "am", "not", "still"}
_NAMING = {"call", "dub", "label", "brand", "term", "title", "name"}
def _last_comma(m: str, lo: int, hi: int) -> int:
    """The last comma in ``m[lo:hi]`` that is not a thousands separator (2,000)."""
    k = m.rfind(",", lo, hi)
    while k > lo and m[k - 1:k].isdigit() and m[k + 1:k + 2].isdigit():
        k = m.rfind(",", lo, k)
    return k


_STRICT_AFTER = {"who", "which", "in", "on", "at", "during", "according", "after", "before",
                 "told", "adding", "referring", "to"}
_GERUND_BEFORE = {"in", "of", "for", "about", "from", "with", "on", "at", "to", "into",
                  "against", "than", "a", "an", "the", "without", "upon", "like", "his", "her",
                  "their", "its"}
_INVERTS = {"say", "add", "write", "ask", "explain", "note", "continue", "recall", "reply",
            "respond", "agree", "argue", "warn", "insist", "tweet", "declare", "state",
            "observe", "remark", "conclude", "answer", "counter", "predict", "suggest",
            "admit", "acknowledge", "claim", "complain", "joke", "quip", "read", "post",
            "go on to say"}
_FINITE_BEFORE = {"to", "will", "would", "can", "could", "may", "might", "must", "should",
                  "did", "does", "do", "he", "she", "they", "we", "i", "you", "who", "also",
                  "not", "n’t", "often", "always", "never", "which", "that", "and", "later",
                  "then", "it", "repeatedly", "has", "have", "had"}


def _clause_stop(m: str, pos: int, se: int) -> int:
    """End of the phrase after a cue: the next quotation mark or the sentence end."""
    q = m.find("“", pos, se)
    return q if q >= 0 else se


_OPENS_CLAUSE = re.compile(r"\S+\s*(?:that\b|:|,?\s*“)")
_QUOTE_END = {",”", ".”", "?”", "!”"}
_WITH_NP = re.compile(r"\bwith\s+(?:(?:the|a|an)\s+)?(?:[\w.’'\-]+\s+){1,8}$")
_AUX = {"has", "have", "had", "is", "are", "was", "were", "will", "would", "can", "could",
        "should", "may", "might", "must", "did", "does", "do"}
_MENTAL = {"think", "believe", "agree", "hope", "expect", "feel", "know", "fear", "worry",
           "doubt", "suspect", "wonder"}
_NESTED_PRONOUNS = {"he", "she", "they", "we", "i", "it"}


def _occurrences(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
