"""Texts the language test lets through in the English interface although they hold a Dutch
word: proper names, which stay as they are in every language (the national hub's full name).
Each entry is a text as the language test sees it, numbers as ``#`` (:func:`lang_texts.normal`).
The catalogues are complete: nothing untranslated is allowed here.
"""

UNTRANSLATED: frozenset[str] = frozenset({
    "KCR# — Knooppunt Coördinatie Regio's-Rijk",  # the name of the national hub
})
