"""What a situation report contains, and how it reads as Markdown and HTML (Qt-free).

``content``   the sitrep as data: read from a store at a chosen moment, through the picture
              rules, with the filters (regions, classification ceiling, since)
``gather``    what a sitrep reads of a store, in one snapshot
``open_bijstand`` the open requests counted in SQLite; only the listed ones are decoded
``markdown``  the sitrep as Markdown
``html``      the sitrep, and the parts of a paper pack, as self-contained printable HTML
``regionmap`` the map of the 25 regions, coloured by their state, as SVG or as polygons
``pack``      the paper pack: which parts, and the blank numbered forms

The PDF is drawn from the same HTML in the desktop layer (Qt), which adds page numbers, the
table of contents and the OEFENING mark on every page.
"""
