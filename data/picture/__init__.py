"""Rules and summaries of the picture for a given "now" (Qt-free).

Every rule here takes the moment it judges by as an argument (a ``datetime`` or a
:class:`data.clock.Clock`); nothing reads the wall clock itself, so an exercise, a test or a
time-travel view can pick its own moment. Modules:

``moment``       the ``Now`` type and how a rule reads it
``timefmt``      times and ages as the operators read them (local, 24-hour, short)
``deadlines``    overdue actions, the 72-hour target of a noodsteunpunt
``overview``     the figures of the Overzicht (KPI tiles) and the level of each region
``detail_html``  the detail panes of incidents, bijstand requests and decisions as HTML
``places``       the places on the map (incidents, effect areas, noodsteunpunten, meldplaatsen)
                 narrowed by region and search, and the legend of their colours and symbols
"""
