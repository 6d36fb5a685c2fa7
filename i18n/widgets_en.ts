<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddHubDialog</name>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="43"/>
        <source>vul het adres van de hub in, bv. http://kcr2.example:8750</source>
        <translation>enter the hub&apos;s address, e.g. http://kcr2.example:8750</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="47"/>
        <source>gebruik een adres als http://kcr2.example:8750 (met http:// of https://)</source>
        <translation>use an address like http://kcr2.example:8750 (with http:// or https://)</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="53"/>
        <source>het poortnummer klopt niet</source>
        <translation>the port number is not valid</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="65"/>
        <source>Hub toevoegen</source>
        <translation>Add hub</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="73"/>
        <source>bv. KCR2 (optioneel)</source>
        <translation>e.g. KCR2 (optional)</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="76"/>
        <source>Kies…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="84"/>
        <source>of plak hier het token</source>
        <translation>or paste the token here</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="87"/>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="89"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="90"/>
        <source>Tokenbestand</source>
        <translation>Token file</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="91"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="93"/>
        <source>Verbinding testen</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="103"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="112"/>
        <source>Tokenbestand kiezen</source>
        <translation>Choose token file</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="134"/>
        <source>deze hub staat al in de lijst</source>
        <translation>this hub is already in the list</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="138"/>
        <source>kies een tokenbestand óf plak een token, niet beide</source>
        <translation>choose a token file or paste a token, not both</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="140"/>
        <source>kies het tokenbestand dat de hub gaf, of plak het token</source>
        <translation>choose the token file the hub issued, or paste the token</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="142"/>
        <source>tokenbestand {0} bestaat niet</source>
        <translation>token file {0} does not exist</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="144"/>
        <source>dit lijkt geen token (te kort of met spaties)</source>
        <translation>this does not look like a token (too short, or it contains spaces)</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="155"/>
        <source>testen…</source>
        <translation>testing…</translation>
    </message>
</context>
<context>
    <name>AttachmentStrip</name>
    <message>
        <location filename="../widgets/attachments.py" line="59"/>
        <source>Bijlage toevoegen…</source>
        <extracomment>the longest side of a thumbnail, in pixels</extracomment>
        <translation>Add attachment…</translation>
    </message>
    <message>
        <location filename="../widgets/attachments.py" line="60"/>
        <source>Kies een bestand, of sleep het hierheen</source>
        <translation>Choose a file, or drag it here</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/attachments.py" line="114"/>
        <source>%n ingetrokken</source>
        <translation>
            <numerusform>%n withdrawn</numerusform>
            <numerusform>%n withdrawn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/attachments.py" line="116"/>
        <source>{0} ingetrokken door {1}: {2}</source>
        <translation>{0} withdrawn by {1}: {2}</translation>
    </message>
    <message>
        <location filename="../widgets/attachments.py" line="133"/>
        <source>rubricering: {0}</source>
        <translation>classification: {0}</translation>
    </message>
    <message>
        <location filename="../widgets/attachments.py" line="148"/>
        <source>klik voor volledige grootte</source>
        <translation>click for full size</translation>
    </message>
    <message>
        <location filename="../widgets/attachments.py" line="153"/>
        <source>klik om te openen</source>
        <translation>click to open</translation>
    </message>
    <message>
        <location filename="../widgets/attachments.py" line="156"/>
        <source>rechtermuisknop: intrekken</source>
        <translation>right mouse button: withdraw</translation>
    </message>
    <message>
        <location filename="../widgets/attachments.py" line="168"/>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../widgets/attachments.py" line="169"/>
        <source>Intrekken…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../widgets/attachments.py" line="186"/>
        <source>Bijlagen ({0})</source>
        <translation>Attachments ({0})</translation>
    </message>
    <message>
        <location filename="../widgets/attachments.py" line="187"/>
        <source>Geen bijlagen — sleep een bestand hierheen</source>
        <translation>No attachments — drag a file here</translation>
    </message>
</context>
<context>
    <name>BezettingView</name>
    <message>
        <location filename="../widgets/people.py" line="209"/>
        <source>Centrum</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="210"/>
        <source>Functie</source>
        <translation>Function</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="211"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="212"/>
        <source>Sinds</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="213"/>
        <source>Bereikbaar via</source>
        <translation>Reachable via</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="222"/>
        <source>Aanmelden / overnemen</source>
        <translation>Sign in / take over</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="224"/>
        <source>Mijn dienst beëindigen</source>
        <translation>End my shift</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="225"/>
        <source>De functie is daarna vrij; wie hier verder werkt, meldt zich opnieuw aan</source>
        <translation>The function is then vacant; whoever works on here signs in again</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="230"/>
        <source>Bezetting</source>
        <translation>Staffing</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="244"/>
        <source>Beëindig de dienst van {0}; de functie is daarna vrij</source>
        <translation>End the shift of {0}; the function is then vacant</translation>
    </message>
</context>
<context>
    <name>BijstandBoard</name>
    <message>
        <location filename="../widgets/bijstand_board.py" line="69"/>
        <source>prioriteit {0}</source>
        <translation>priority {0}</translation>
    </message>
    <message>
        <location filename="../widgets/bijstand_board.py" line="71"/>
        <source>toegezegd {0}/{1} · open {2}</source>
        <translation>pledged {0}/{1} · open {2}</translation>
    </message>
</context>
<context>
    <name>BijstandView</name>
    <message>
        <location filename="../widgets/bijstand_view.py" line="51"/>
        <source>Nieuw verzoek</source>
        <translation>New request</translation>
    </message>
    <message>
        <location filename="../widgets/bijstand_view.py" line="53"/>
        <source>Aanbod doen</source>
        <translation>Make offer</translation>
    </message>
    <message>
        <location filename="../widgets/bijstand_view.py" line="54"/>
        <source>Aanbod intrekken</source>
        <translation>Withdraw offer</translation>
    </message>
    <message>
        <location filename="../widgets/bijstand_view.py" line="55"/>
        <source>Status wijzigen</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../widgets/bijstand_view.py" line="56"/>
        <source>Bijwerken</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../widgets/bijstand_view.py" line="57"/>
        <source>Aanbod: status</source>
        <translation>Offer: status</translation>
    </message>
    <message>
        <location filename="../widgets/bijstand_view.py" line="58"/>
        <source>Doorzetten</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location filename="../widgets/bijstand_view.py" line="59"/>
        <source>Alleen KCR2: deelverzoek aan Defensie (JFC) of de EU (UCPM); beschikbaarheid is onzeker</source>
        <translation>KCR2 only: sub-request to Defence (JFC) or the EU (UCPM); availability is uncertain</translation>
    </message>
    <message>
        <location filename="../widgets/bijstand_view.py" line="78"/>
        <source>Bijstand</source>
        <translation>Mutual aid</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <location filename="../widgets/common.py" line="23"/>
        <source>telefoon</source>
        <extracomment>the channels named by an ordinary word (the others are names: C2000, NCV, LCMS …), as the views show them; the stored value stays the Dutch word</extracomment>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../widgets/common.py" line="24"/>
        <source>mobiel</source>
        <translation>mobile</translation>
    </message>
    <message>
        <location filename="../widgets/common.py" line="25"/>
        <source>satelliet</source>
        <translation>satellite</translation>
    </message>
    <message>
        <location filename="../widgets/common.py" line="26"/>
        <source>koerier</source>
        <translation>courier</translation>
    </message>
    <message>
        <location filename="../widgets/common.py" line="27"/>
        <source>mondeling</source>
        <translation>in person</translation>
    </message>
</context>
<context>
    <name>CommandForm</name>
    <message>
        <location filename="../widgets/forms.py" line="134"/>
        <source>uu:mm van het papieren formulier; leeg = nu</source>
        <extracomment>the time field of a creating form (not a payload field: it becomes occurred_at)</extracomment>
        <translation>hh:mm from the paper form; empty = now</translation>
    </message>
    <message>
        <location filename="../widgets/forms.py" line="144"/>
        <source>Tijd (van papier)</source>
        <translation>Time (from paper)</translation>
    </message>
    <message>
        <location filename="../widgets/forms.py" line="169"/>
        <source>— kies —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../widgets/forms.py" line="201"/>
        <source>meters, bv. 500 (0: geen effectgebied)</source>
        <translation>metres, e.g. 500 (0: no affected area)</translation>
    </message>
    <message>
        <location filename="../widgets/forms.py" line="203"/>
        <source>hoekpunten: 51.50, 3.60; 51.51, 3.62; 51.49, 3.63</source>
        <translation>corners: 51.50, 3.60; 51.51, 3.62; 51.49, 3.63</translation>
    </message>
    <message>
        <location filename="../widgets/forms.py" line="205"/>
        <source>gescheiden door komma&apos;s</source>
        <translation>separated by commas</translation>
    </message>
</context>
<context>
    <name>CommsMatrix</name>
    <message>
        <location filename="../widgets/comms_matrix.py" line="145"/>
        <source>Klik op een cel (of Enter) om een nieuwe status te melden. storing = verstoord · uit = uitgevallen · terugval = terugvaloptie actief · n.v.t. = geen voorziening · ? = onbekend</source>
        <translation>Click a cell (or press Enter) to report a new state. fault = disrupted · out = failed · fallback = fallback active · n/a = no provision · ? = unknown</translation>
    </message>
</context>
<context>
    <name>CommsMatrixModel</name>
    <message>
        <location filename="../widgets/comms_matrix.py" line="27"/>
        <source>werkt</source>
        <extracomment>a state as a cell shows it, short enough for eleven columns at 1366 px (the tooltip and the legend above the matrix give the whole word)</extracomment>
        <translation>works</translation>
    </message>
    <message>
        <location filename="../widgets/comms_matrix.py" line="28"/>
        <source>storing</source>
        <translation>fault</translation>
    </message>
    <message>
        <location filename="../widgets/comms_matrix.py" line="29"/>
        <source>uit</source>
        <translation>out</translation>
    </message>
    <message>
        <location filename="../widgets/comms_matrix.py" line="30"/>
        <source>terugval</source>
        <translation>fallback</translation>
    </message>
    <message>
        <location filename="../widgets/comms_matrix.py" line="31"/>
        <source>n.v.t.</source>
        <translation>n/a</translation>
    </message>
    <message>
        <location filename="../widgets/comms_matrix.py" line="32"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location filename="../widgets/comms_matrix.py" line="115"/>
        <source>geen melding</source>
        <translation>no report</translation>
    </message>
    <message>
        <location filename="../widgets/comms_matrix.py" line="117"/>
        <source>{0} sinds {1} ({2} geleden)</source>
        <translation>{0} since {1} ({2} ago)</translation>
    </message>
</context>
<context>
    <name>ConflictInbox</name>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="27"/>
        <source>incident</source>
        <extracomment>what a conflict is about, as the inbox names it (translated when shown)</extracomment>
        <translation>incident</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="28"/>
        <source>bijstand</source>
        <translation>mutual aid</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="29"/>
        <source>actie</source>
        <translation>action</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="30"/>
        <source>besluit</source>
        <translation>decision</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="31"/>
        <source>IRBT-sessie</source>
        <translation>IRBT session</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="54"/>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="55"/>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="56"/>
        <source>Onderwerp</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="57"/>
        <source>Huidig</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="58"/>
        <source>Gewenst</source>
        <translation>Wanted</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="59"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="76"/>
        <source>Kies een conflict</source>
        <translation>Choose a conflict</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="84"/>
        <source>Huidige waarde — behouden</source>
        <translation>Current value — keep</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="85"/>
        <source>Concurrerende waarde — toepassen</source>
        <translation>Competing value — apply</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="90"/>
        <source>toelichting (optioneel)</source>
        <translation>note (optional)</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="93"/>
        <source>Huidige behouden (B)</source>
        <translation>Keep current (B)</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="94"/>
        <source>Concurrerende toepassen (T)</source>
        <translation>Apply competing (T)</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="143"/>
        <source>Geen tegenstrijdige wijzigingen</source>
        <translation>No conflicting changes</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="165"/>
        <source>Status: {0}</source>
        <translation>Status: {0}</translation>
    </message>
    <message>
        <location filename="../widgets/conflict_inbox.py" line="166"/>
        <location filename="../widgets/conflict_inbox.py" line="179"/>
        <source>Status: {0}
van {1} ({2})
op {3}</source>
        <translation>Status: {0}
by {1} ({2})
at {3}</translation>
    </message>
</context>
<context>
    <name>CoordField</name>
    <message>
        <location filename="../widgets/coord_field.py" line="77"/>
        <source>51.4988, 3.6109 of x 31000 y 392000</source>
        <translation>51.4988, 3.6109 or x 31000 y 392000</translation>
    </message>
    <message>
        <location filename="../widgets/coord_field.py" line="79"/>
        <source>Kies op kaart…</source>
        <translation>Pick on map…</translation>
    </message>
    <message>
        <location filename="../widgets/coord_field.py" line="116"/>
        <source>WGS84 {0} · RD {1}</source>
        <translation>WGS84 {0} · RD {1}</translation>
    </message>
</context>
<context>
    <name>DecisionsView</name>
    <message>
        <location filename="../widgets/decisions_view.py" line="59"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="59"/>
        <source>Sessie</source>
        <translation>Session</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="60"/>
        <location filename="../widgets/decisions_view.py" line="64"/>
        <location filename="../widgets/decisions_view.py" line="73"/>
        <location filename="../widgets/decisions_view.py" line="112"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="60"/>
        <source>Geopend</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="63"/>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="63"/>
        <source>Soort</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="63"/>
        <source>Versie</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="65"/>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="68"/>
        <source>Overname per regio</source>
        <translation>Adoption per region</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="69"/>
        <source>Besluit / afspraak</source>
        <translation>Decision / agreement</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="72"/>
        <source>Actie</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="74"/>
        <source>Let op</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="76"/>
        <source>Gereed vóór</source>
        <translation>Due by</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="77"/>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="93"/>
        <source>Sessie openen</source>
        <translation>Open session</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="94"/>
        <source>Besluit vastleggen</source>
        <translation>Record decision</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="95"/>
        <source>Wijzigen</source>
        <translation>Amend</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="96"/>
        <source>Intrekken</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="97"/>
        <source>Actie toevoegen</source>
        <translation>Add action</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="98"/>
        <source>Actiestatus</source>
        <translation>Action status</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="99"/>
        <source>Actie bijwerken</source>
        <translation>Update action</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="100"/>
        <source>Sessie sluiten</source>
        <translation>Close session</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="101"/>
        <source>Overname</source>
        <translation>Adoption</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="102"/>
        <source>Meld per regio of de afspraak is overgenomen en uitgevoerd</source>
        <translation>Report per region whether the agreement was adopted and carried out</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="104"/>
        <source>Ander besluit</source>
        <translation>Other decision</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="105"/>
        <source>Hang de actie onder een besluit dat nog staat</source>
        <translation>Attach the action to a decision that still stands</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="108"/>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="109"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="110"/>
        <source>Vastleggen</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="111"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="113"/>
        <source>Bijwerken</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="126"/>
        <source>Sessies</source>
        <translation>Sessions</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="128"/>
        <source>Besluiten en afspraken</source>
        <translation>Decisions and agreements</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="134"/>
        <source>Acties bij dit besluit</source>
        <translation>Actions under this decision</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="143"/>
        <source>Besluiten</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="200"/>
        <source>⚠ {0} zonder besluit</source>
        <translation>⚠ {0} without a decision</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="248"/>
        <source>⚠ besluit ingetrokken: afsluiten of ander besluit</source>
        <translation>⚠ decision revoked: close it or attach it to another decision</translation>
    </message>
    <message>
        <location filename="../widgets/decisions_view.py" line="249"/>
        <source>⚠ te laat</source>
        <translation>⚠ overdue</translation>
    </message>
</context>
<context>
    <name>ExerciseConsole</name>
    <message>
        <location filename="../widgets/exercise_console.py" line="39"/>
        <location filename="../widgets/exercise_console.py" line="136"/>
        <source>gepland</source>
        <extracomment>how the console names an inject&apos;s status, an expectation&apos;s state and a verdict (the player&apos;s values are Dutch words; these are their texts on screen)</extracomment>
        <translation>planned</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="40"/>
        <location filename="../widgets/exercise_console.py" line="139"/>
        <source>verstuurd</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="41"/>
        <source>uitgesteld</source>
        <translation>postponed</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="42"/>
        <source>ingetrokken</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="43"/>
        <source>terugval</source>
        <translation>fallback</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="44"/>
        <source>gehaald</source>
        <translation>achieved</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="45"/>
        <source>deels</source>
        <translation>partly</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="46"/>
        <source>gemist</source>
        <translation>missed</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="47"/>
        <source>te laat</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="48"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="50"/>
        <source>P — zonder problemen</source>
        <translation>P — performed without challenges</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="51"/>
        <source>S — enkele problemen</source>
        <translation>S — performed with some challenges</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="52"/>
        <source>M — grote problemen</source>
        <translation>M — performed with major challenges</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="53"/>
        <source>U — niet uitgevoerd</source>
        <translation>U — unable to be performed</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="82"/>
        <source>{0} min {1} s</source>
        <translation>{0} min {1} s</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="83"/>
        <source>{0} min</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="135"/>
        <location filename="../widgets/exercise_console.py" line="144"/>
        <source>inject</source>
        <translation>inject</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="137"/>
        <source>status</source>
        <translation>status</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="140"/>
        <source>van</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="141"/>
        <source>aan</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="142"/>
        <source>bericht</source>
        <translation>message</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="143"/>
        <source>notities spelleiding</source>
        <translation>exercise control notes</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="145"/>
        <source>verwachting</source>
        <translation>expectation</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="147"/>
        <source>stand</source>
        <translation>state</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="149"/>
        <source>reactietijd</source>
        <translation>response time</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="150"/>
        <source>door</source>
        <translation>by</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="151"/>
        <source>oordeel spelleiding</source>
        <translation>exercise control verdict</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="159"/>
        <source>Oefening — spelleiding</source>
        <translation>Exercise — control</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="166"/>
        <source>Spelen</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="168"/>
        <source>Pauze</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="175"/>
        <source>Naar volgende inject</source>
        <translation>To next inject</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="180"/>
        <source>Snelheid</source>
        <translation>Speed</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="193"/>
        <source>Nu versturen</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="196"/>
        <source>T+HH:MM</source>
        <translation>T+HH:MM</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="198"/>
        <source>Uitstellen naar</source>
        <translation>Postpone to</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="201"/>
        <source>Intrekken</source>
        <translation>Withdraw</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="203"/>
        <source>Injects toevoegen (MSEL)…</source>
        <translation>Add injects (MSEL)…</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="224"/>
        <source>automatisch (oordeel wissen)</source>
        <translation>automatic (clear the verdict)</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="227"/>
        <source>toelichting bij het oordeel</source>
        <translation>note on the verdict</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="229"/>
        <source>Oordeel bewaren</source>
        <translation>Keep verdict</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="231"/>
        <source>Oordeel spelleiding</source>
        <translation>Exercise control verdict</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="237"/>
        <source>Waarneming (Enter bewaart, op de huidige scenariotijd)</source>
        <translation>Observation (Enter keeps it, at the current scenario time)</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="240"/>
        <source>bij geselecteerde inject</source>
        <translation>on the selected inject</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="242"/>
        <source>Evaluatie tonen</source>
        <translation>Show evaluation</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="244"/>
        <source>Evaluatie opslaan…</source>
        <translation>Save evaluation…</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="260"/>
        <source>toelichting bij de beoordeling</source>
        <translation>note on the rating</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="261"/>
        <source>Beoordeling bewaren</source>
        <translation>Keep rating</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="264"/>
        <source>sterk punt</source>
        <translation>strength</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="265"/>
        <source>verbeterpunt</source>
        <translation>point for improvement</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="267"/>
        <source>bevinding (Enter bewaart)</source>
        <translation>finding (Enter keeps it)</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="269"/>
        <source>Verbeterplan…</source>
        <translation>Improvement plan…</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="272"/>
        <source>Doel</source>
        <translation>Objective</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="276"/>
        <source>Bevinding</source>
        <translation>Finding</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="292"/>
        <source>Verwachte acties van de spelers</source>
        <translation>Expected actions of the players</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="340"/>
        <source>OEFENING · nog niet gestart</source>
        <translation>EXERCISE · not started yet</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="341"/>
        <source>kloktijd {0}</source>
        <translation>wall clock {0}</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="437"/>
        <source>Schrijf het nieuwe tijdstip als T+HH:MM</source>
        <translation>Write the new time as T+HH:MM</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_console.py" line="448"/>
        <source>Kies eerst een verwachting in de lijst</source>
        <translation>First choose an expectation in the list</translation>
    </message>
</context>
<context>
    <name>ExerciseTimeline</name>
    <message>
        <location filename="../widgets/exercise_timeline.py" line="31"/>
        <location filename="../widgets/exercise_timeline.py" line="32"/>
        <source>scenariotijd (minuten na T0)</source>
        <translation>scenario time (minutes after T0)</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_timeline.py" line="33"/>
        <source>injects</source>
        <translation>injects</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_timeline.py" line="34"/>
        <source>reacties</source>
        <translation>responses</translation>
    </message>
    <message>
        <location filename="../widgets/exercise_timeline.py" line="39"/>
        <source>nu</source>
        <translation>now</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../widgets/forms.py" line="344"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../widgets/forms.py" line="345"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../widgets/forms.py" line="352"/>
        <source>Wijzigingen niet opgeslagen. Weggooien? (Esc nogmaals om weg te gooien)</source>
        <translation>Changes not saved. Discard them? (Esc again to discard)</translation>
    </message>
    <message>
        <location filename="../widgets/forms.py" line="355"/>
        <source>Weggooien</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../widgets/forms.py" line="357"/>
        <source>Verder invullen</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <location filename="../widgets/header.py" line="134"/>
        <location filename="../widgets/header.py" line="217"/>
        <source>OEFENING  {0}</source>
        <translation>EXERCISE  {0}</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="134"/>
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="152"/>
        <source>Vingerafdruk van het beeld: lees voor om te controleren dat jullie hetzelfde beeld zien</source>
        <translation>Fingerprint of the situation picture: read it out to check that you all see the same picture</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="236"/>
        <source>{0} (lokale tijd)</source>
        <translation>{0} (local time)</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="256"/>
        <source>⛔ ROOSTER: {0}</source>
        <translation>⛔ ROSTER: {0}</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="263"/>
        <source>⛔ VORK: {0}</source>
        <translation>⛔ FORK: {0}</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="270"/>
        <source>⚠ klokafwijking: {0}</source>
        <translation>⚠ clock drift: {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/header.py" line="277"/>
        <source>⚠ %n tegenstrijdige wijziging(en)</source>
        <translation>
            <numerusform>⚠ %n conflicting change</numerusform>
            <numerusform>⚠ %n conflicting changes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HubsDialog</name>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="179"/>
        <source>Hubs beheren</source>
        <translation>Manage hubs</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="183"/>
        <source>Nog geen hubs. Voeg er een toe met ‘Hub toevoegen…’.</source>
        <translation>No hubs yet. Add one with ‘Add hub…’.</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="185"/>
        <source>Verwijderen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="187"/>
        <source>Hub toevoegen…</source>
        <translation>Add hub…</translation>
    </message>
</context>
<context>
    <name>IncidentsView</name>
    <message>
        <location filename="../widgets/incidents_view.py" line="69"/>
        <source>Bijl.</source>
        <translation>Att.</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="67"/>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="70"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="72"/>
        <source>Regio&apos;s</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="73"/>
        <source>Bijgewerkt</source>
        <translation>Updated</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="95"/>
        <source>Nieuw incident (Ctrl+N)</source>
        <translation>New incident (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="96"/>
        <source>Bijwerken</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="97"/>
        <source>Status wijzigen</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="98"/>
        <source>Beeld bijwerken</source>
        <translation>Update situation picture</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="100"/>
        <source>Oordeel bijwerken</source>
        <translation>Update the assessment (Oordeel)</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="115"/>
        <source>Incidenten</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="134"/>
        <source>Algemeen</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="134"/>
        <source>Brandweer</source>
        <translation>Fire service</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="135"/>
        <source>GHOR</source>
        <translation>GHOR (medical)</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="135"/>
        <source>Politie</source>
        <translation>Police</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="136"/>
        <source>Bevolkingszorg</source>
        <translation>Care for the population</translation>
    </message>
    <message>
        <location filename="../widgets/incidents_view.py" line="137"/>
        <source>Crisiscommunicatie</source>
        <translation>Crisis communication</translation>
    </message>
</context>
<context>
    <name>Journal</name>
    <message>
        <location filename="../widgets/journal.py" line="41"/>
        <source>in</source>
        <extracomment>a message&apos;s direction as the journal shows it (the stored value is the Dutch word)</extracomment>
        <translation>in</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="42"/>
        <source>uit</source>
        <translation>out</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="43"/>
        <source>intern</source>
        <translation>internal</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <location filename="../widgets/journal.py" line="196"/>
        <source>Tijd</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="197"/>
        <source>Kanaal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="198"/>
        <source>Richting</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="199"/>
        <source>Van</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="199"/>
        <source>Aan</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="200"/>
        <source>Bericht</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="376"/>
        <source>{0} · nagekomen</source>
        <extracomment>the lines shown, in order (their positions in the data): an array, not a list of ints (700k ints are 20 MB of objects besides the list)</extracomment>
        <translation>{0} · late entry</translation>
    </message>
</context>
<context>
    <name>JournalView</name>
    <message>
        <location filename="../widgets/journal_view.py" line="39"/>
        <source>filter het logboek (kanaal, van, aan, tekst)</source>
        <translation>filter the log (channel, from, to, text)</translation>
    </message>
    <message>
        <location filename="../widgets/journal_view.py" line="41"/>
        <source>alleen kernberichten</source>
        <translation>key messages only</translation>
    </message>
    <message>
        <location filename="../widgets/journal_view.py" line="46"/>
        <source>Logboek</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../widgets/journal_view.py" line="51"/>
        <source>Kies een regel om het hele bericht te lezen.</source>
        <translation>Choose a line to read the whole message.</translation>
    </message>
    <message>
        <location filename="../widgets/journal_view.py" line="61"/>
        <source>Opgeslagen, maar het filter verbergt het nieuwe bericht.</source>
        <translation>Saved, but the filter hides the new message.</translation>
    </message>
    <message>
        <location filename="../widgets/journal_view.py" line="64"/>
        <source>Filter opheffen en tonen</source>
        <translation>Clear filter and show</translation>
    </message>
    <message>
        <location filename="../widgets/journal_view.py" line="131"/>
        <source>{0} van {1} regels</source>
        <translation>{0} of {1} lines</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <location filename="../widgets/map_panel.py" line="60"/>
        <source>Regio: actief incident of uitval</source>
        <extracomment>region fills the legend explains (the level a region&apos;s worst state gives it) (kind, tone) of every line, in order (&apos;region&apos; lines carry the level) the theme and the (words, key) of every line shown</extracomment>
        <translation>Region: active incident or outage</translation>
    </message>
    <message>
        <location filename="../widgets/map_panel.py" line="61"/>
        <source>Regio: gemeld/beheerst incident of storing</source>
        <translation>Region: reported/controlled incident or disruption</translation>
    </message>
    <message>
        <location filename="../widgets/map_panel.py" line="71"/>
        <source>Geen plaatsen op de kaart (geen coördinaten bekend)</source>
        <translation>No places on the map (no coordinates known)</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <location filename="../widgets/map_panel.py" line="130"/>
        <source>Inzoomen (of scrollwiel)</source>
        <translation>Zoom in (or mouse wheel)</translation>
    </message>
    <message>
        <location filename="../widgets/map_panel.py" line="131"/>
        <source>Uitzoomen</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../widgets/map_panel.py" line="132"/>
        <source>Passend</source>
        <translation>Fit</translation>
    </message>
    <message>
        <location filename="../widgets/map_panel.py" line="132"/>
        <source>Heel Nederland in beeld</source>
        <translation>The whole of the Netherlands in view</translation>
    </message>
    <message>
        <location filename="../widgets/map_panel.py" line="141"/>
        <source>Incidenten</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../widgets/map_panel.py" line="141"/>
        <source>Effectgebieden</source>
        <translation>Affected areas</translation>
    </message>
    <message>
        <location filename="../widgets/map_panel.py" line="142"/>
        <source>Noodsteunpunten</source>
        <translation>Emergency support points</translation>
    </message>
    <message>
        <location filename="../widgets/map_panel.py" line="142"/>
        <source>Meldplaatsen</source>
        <translation>Reporting points</translation>
    </message>
</context>
<context>
    <name>MapPickDialog</name>
    <message>
        <location filename="../widgets/coord_field.py" line="35"/>
        <source>Plaats kiezen op de kaart</source>
        <translation>Pick a place on the map</translation>
    </message>
    <message>
        <location filename="../widgets/coord_field.py" line="45"/>
        <source>Zoom in (scrollwiel of +) en klik op de plaats; slepen verschuift de kaart.</source>
        <translation>Zoom in (mouse wheel or +) and click the place; drag to move the map.</translation>
    </message>
    <message>
        <location filename="../widgets/coord_field.py" line="49"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MselPreview</name>
    <message>
        <location filename="../widgets/msel_preview.py" line="26"/>
        <source>inject</source>
        <translation>inject</translation>
    </message>
    <message>
        <location filename="../widgets/msel_preview.py" line="27"/>
        <source>tijd</source>
        <translation>time</translation>
    </message>
    <message>
        <location filename="../widgets/msel_preview.py" line="28"/>
        <source>van</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../widgets/msel_preview.py" line="29"/>
        <source>aan</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../widgets/msel_preview.py" line="30"/>
        <source>bericht</source>
        <translation>message</translation>
    </message>
    <message>
        <location filename="../widgets/msel_preview.py" line="35"/>
        <source>MSEL inlezen — voorbeeld</source>
        <translation>Read MSEL — preview</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/msel_preview.py" line="37"/>
        <source>{0}: %n injects worden toegevoegd aan de oefening</source>
        <translation>
            <numerusform>{0}: %n inject will be added to the exercise</numerusform>
            <numerusform>{0}: %n injects will be added to the exercise</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/msel_preview.py" line="51"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../widgets/msel_preview.py" line="52"/>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>NotificationList</name>
    <message>
        <location filename="../widgets/notifications.py" line="31"/>
        <location filename="../widgets/notifications.py" line="107"/>
        <source>Meldingen</source>
        <extracomment>the list keeps the newest this many (older ones are in the views and the log)</extracomment>
        <translation>Notifications</translation>
    </message>
    <message>
        <location filename="../widgets/notifications.py" line="39"/>
        <source>Nog niets van andere centra dat ons raakt.</source>
        <translation>Nothing yet from other centres that concerns us.</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/notifications.py" line="63"/>
        <source>%n wijzigingen meer binnengekomen — zie de schermen</source>
        <translation>
            <numerusform>%n more change came in — see the views</numerusform>
            <numerusform>%n more changes came in — see the views</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/notifications.py" line="106"/>
        <source>Meldingen · {0} nieuw</source>
        <translation>Notifications · {0} unread</translation>
    </message>
</context>
<context>
    <name>NspView</name>
    <message>
        <location filename="../widgets/nsp_view.py" line="34"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="35"/>
        <source>Gemeente</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="36"/>
        <source>Regio</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="38"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="41"/>
        <source>Stroom</source>
        <translation>Power</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="43"/>
        <source>Verbindingen</source>
        <translation>Communications</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="44"/>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="45"/>
        <source>72-uursdoel (T0)</source>
        <translation>72-hour target (T0)</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="47"/>
        <source>Sinds T0</source>
        <translation>Since T0</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="48"/>
        <source>Biedt niet</source>
        <translation>Does not offer</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="49"/>
        <source>Laatste contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="50"/>
        <source>{0} geleden</source>
        <translation>{0} ago</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="51"/>
        <source>Brandstof over</source>
        <translation>Fuel left</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="52"/>
        <source>{0} u</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="65"/>
        <source>Nieuw noodsteunpunt</source>
        <translation>New emergency support point</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="67"/>
        <source>Bijwerken</source>
        <translation>Update</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="76"/>
        <source>Noodsteunpunten</source>
        <translation>Emergency support points</translation>
    </message>
    <message>
        <location filename="../widgets/nsp_view.py" line="111"/>
        <source>Netwerk (T0+72 u): {0}</source>
        <translation>Network (T0+72 h): {0}</translation>
    </message>
</context>
<context>
    <name>OnDutyButton</name>
    <message>
        <location filename="../widgets/people.py" line="135"/>
        <source>niet aangemeld — aanmelden</source>
        <translation>not signed in — sign in</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="137"/>
        <source> (+{0} in dienst)</source>
        <translation> (+{0} on duty)</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="138"/>
        <source>in dienst: {0}{1}</source>
        <translation>on duty: {0}{1}</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="145"/>
        <source>Klik om aan te melden of een dienst over te nemen</source>
        <translation>Click to sign in or take over a shift</translation>
    </message>
</context>
<context>
    <name>OverdrachtDialog</name>
    <message>
        <location filename="../widgets/overdracht.py" line="44"/>
        <source>Overdracht — wat veranderde sinds begin dienst</source>
        <translation>Handover — what changed since the start of the shift</translation>
    </message>
    <message>
        <location filename="../widgets/overdracht.py" line="54"/>
        <source>Maak overdracht</source>
        <translation>Make handover</translation>
    </message>
    <message>
        <location filename="../widgets/overdracht.py" line="55"/>
        <source>Opslaan als Markdown…</source>
        <translation>Save as Markdown…</translation>
    </message>
    <message>
        <location filename="../widgets/overdracht.py" line="57"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../widgets/overdracht.py" line="64"/>
        <source>Begin dienst</source>
        <translation>Start of shift</translation>
    </message>
    <message>
        <location filename="../widgets/overdracht.py" line="66"/>
        <source>tot</source>
        <translation>until</translation>
    </message>
    <message>
        <location filename="../widgets/overdracht.py" line="88"/>
        <source>overdracht maken…</source>
        <translation>making the handover…</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../widgets/overview.py" line="21"/>
        <source>Actieve incidenten</source>
        <translation>Active incidents</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="22"/>
        <source>Open bijstandsverzoeken</source>
        <translation>Open mutual aid requests</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="23"/>
        <source>Besluiten met open acties</source>
        <translation>Decisions with open actions</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="24"/>
        <source>Regio&apos;s met verbindingsuitval</source>
        <translation>Regions with a communications outage</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="25"/>
        <source>Noodsteunpunten open</source>
        <translation>Emergency support points open</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="26"/>
        <source>Tegenstrijdige wijzigingen</source>
        <translation>Conflicting changes</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="84"/>
        <location filename="../widgets/overview.py" line="156"/>
        <source>Klik op een regio om alle schermen te filteren</source>
        <translation>Click a region to filter every view</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="99"/>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="123"/>
        <source>{0} gemeld, {1} beheerst</source>
        <translation>{0} reported, {1} under control</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="131"/>
        <source>{0} lopende inzet · {1}</source>
        <translation>{0} deployed · {1}</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="132"/>
        <source>geen verzoeken open</source>
        <translation>no open requests</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="136"/>
        <source>{0} met acties over tijd</source>
        <translation>{0} with overdue actions</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="138"/>
        <source> · {0} acties zonder besluit</source>
        <translation> · {0} actions without a decision</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="145"/>
        <source>{0} niet operationeel</source>
        <translation>{0} not operational</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="147"/>
        <source>wachten op een besluit</source>
        <translation>awaiting a decision</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="148"/>
        <source>geen</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="155"/>
        <source>Filter: {0} — klik nogmaals om op te heffen</source>
        <translation>Filter: {0} — click again to clear</translation>
    </message>
</context>
<context>
    <name>PeerHubDialog</name>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="237"/>
        <source>Beeld delen met buren</source>
        <translation>Share the situation picture with neighbours</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="240"/>
        <source>Start een hub op de store van dit centrum. Buurcentra synchroniseren ermee zoals met die van KCR2, bijvoorbeeld als KCR2 onbereikbaar is.</source>
        <translation>Start a hub on this centre&apos;s store. Neighbouring centres synchronise with it as they do with KCR2&apos;s, for instance when KCR2 cannot be reached.</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="247"/>
        <source>alleen op deze computer (127.0.0.1)</source>
        <translation>only on this computer (127.0.0.1)</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="251"/>
        <source>Hub starten</source>
        <translation>Start hub</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="253"/>
        <source>Hub stoppen</source>
        <translation>Stop hub</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="255"/>
        <location filename="../widgets/sync_dialogs.py" line="361"/>
        <source>De hub draait niet.</source>
        <translation>The hub is not running.</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="261"/>
        <source>node-id van de buur, bv. vrgz</source>
        <translation>the neighbour&apos;s node id, e.g. vrgz</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="262"/>
        <source>Buur aanmelden</source>
        <translation>Enrol neighbour</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="271"/>
        <source>Poort</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="288"/>
        <source>Een buur aanmelden (het token wordt één keer getoond):</source>
        <translation>Enrol a neighbour (the token is shown once):</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="301"/>
        <source>Voor andere computers is een certificaat nodig (https): zonder gaan tokens en gebeurtenissen onversleuteld over het netwerk.</source>
        <translation>Other computers need a certificate (https): without one, tokens and events cross the network unencrypted.</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="307"/>
        <source>onversleuteld op een vertrouwd netwerk</source>
        <translation>unencrypted on a trusted network</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="313"/>
        <source>Certificaat</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="313"/>
        <source>Certificaat kiezen (PEM)</source>
        <translation>Choose certificate (PEM)</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="314"/>
        <source>Sleutel</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="314"/>
        <source>Sleutel bij het certificaat kiezen (PEM)</source>
        <translation>Choose the certificate&apos;s key (PEM)</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="316"/>
        <source>Kies…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="327"/>
        <source>PEM-bestanden (*.pem *.crt *.key);;Alle bestanden (*)</source>
        <translation>PEM files (*.pem *.crt *.key);;All files (*)</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="338"/>
        <source>starten…</source>
        <translation>starting…</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="357"/>
        <source>De hub draait op {0}
{1}</source>
        <translation>The hub is running at {0}
{1}</translation>
    </message>
    <message>
        <location filename="../widgets/sync_dialogs.py" line="359"/>
        <source>De hub draait niet: {0}</source>
        <translation>The hub is not running: {0}</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../widgets/plan_dialog.py" line="35"/>
        <source>probleem</source>
        <translation>issue</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="36"/>
        <source>verbeteractie</source>
        <translation>corrective action</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="37"/>
        <source>eigenaar (functie)</source>
        <translation>owner (function)</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="38"/>
        <source>gereed</source>
        <translation>due</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="39"/>
        <source>doel</source>
        <translation>objective</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="44"/>
        <source>Verbeterplan</source>
        <translation>Improvement plan</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="51"/>
        <source>wat ging er mis, of wat kan beter</source>
        <translation>what went wrong, or what could be better</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="53"/>
        <source>wat wordt er gedaan</source>
        <translation>what will be done</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="56"/>
        <source>bv. Hoofd informatie VNOG</source>
        <translation>e.g. Head of information VNOG</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="61"/>
        <source>(geen doel)</source>
        <translation>(no objective)</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="68"/>
        <source>Probleem</source>
        <translation>Issue</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="69"/>
        <source>Verbeteractie</source>
        <translation>Corrective action</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="70"/>
        <source>Eigenaar</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="71"/>
        <source>Gereed op</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="72"/>
        <source>Doel</source>
        <translation>Objective</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="74"/>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../widgets/plan_dialog.py" line="103"/>
        <source>toegevoegd aan het verbeterplan</source>
        <translation>added to the improvement plan</translation>
    </message>
</context>
<context>
    <name>PublicView</name>
    <message>
        <location filename="../widgets/public_view.py" line="44"/>
        <source>Verzonden</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="44"/>
        <source>Regio&apos;s</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="45"/>
        <source>Gebied</source>
        <translation>Area</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="45"/>
        <source>Bericht</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="46"/>
        <source>Handelingsperspectief</source>
        <translation>Advice to the public</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="47"/>
        <source>Verwacht bereik</source>
        <translation>Expected reach</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="51"/>
        <source>Middel</source>
        <translation>Resource</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="52"/>
        <source>Gevraagd</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="52"/>
        <source>Aangeboden</source>
        <translation>Offered</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="53"/>
        <source>Beschikbaar</source>
        <translation>Available</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="54"/>
        <source>Tekort</source>
        <translation>Shortfall</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="55"/>
        <source>Prioritering</source>
        <translation>Prioritisation</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="57"/>
        <source>Regio</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="57"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="58"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="58"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="59"/>
        <source>Herstel verwacht</source>
        <translation>Restoration expected</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="61"/>
        <source>Zekerheid</source>
        <translation>Certainty</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="62"/>
        <source>Toelichting</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="65"/>
        <source>Centrum</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="65"/>
        <source>Teams actief</source>
        <translation>Teams active</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="66"/>
        <source>Werkt op</source>
        <translation>Working on</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="67"/>
        <source>Uitwijklocatie</source>
        <translation>Fallback location</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="67"/>
        <source>Stroom</source>
        <translation>Power</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="69"/>
        <source>Brandstof over</source>
        <translation>Fuel left</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="70"/>
        <source>{0} u</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="72"/>
        <source>Let op</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="89"/>
        <source>NL-Alert vastleggen</source>
        <translation>Record NL-Alert</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="90"/>
        <source>Middel melden</source>
        <translation>Report resource</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="91"/>
        <source>Partner melden</source>
        <translation>Report partner</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="95"/>
        <source>Centrum melden</source>
        <translation>Report centre</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="98"/>
        <source>NL-Alert</source>
        <translation>NL-Alert</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="99"/>
        <source>Schaarse middelen — prioritering</source>
        <translation>Scarce resources — prioritisation</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="101"/>
        <source>Vitale partners</source>
        <translation>Critical partners</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="103"/>
        <source>Centra — opschaling en continuïteit</source>
        <translation>Centres — scaling up and continuity</translation>
    </message>
    <message>
        <location filename="../widgets/public_view.py" line="117"/>
        <source>Publiek en schaarste</source>
        <translation>Public and scarcity</translation>
    </message>
</context>
<context>
    <name>QuickEntryBar</name>
    <message>
        <location filename="../widgets/journal.py" line="407"/>
        <source>Kanaal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="412"/>
        <source>van</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="414"/>
        <source>aan</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="417"/>
        <source>bericht — Enter om op te slaan (Ctrl+L); van papier: begin met de tijd, 14:05 …</source>
        <translation>message — Enter to save (Ctrl+L); from paper: start with the time, 14:05 …</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="418"/>
        <source>kernbericht</source>
        <translation>key message</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="419"/>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="439"/>
        <source>bericht: is verplicht</source>
        <translation>message: is required</translation>
    </message>
    <message>
        <location filename="../widgets/journal.py" line="444"/>
        <source>van: wie stuurde dit bericht? (verplicht bij inkomend)</source>
        <translation>from: who sent this message? (required for incoming)</translation>
    </message>
</context>
<context>
    <name>ReadingDialog</name>
    <message>
        <location filename="../widgets/common.py" line="121"/>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RegionMap</name>
    <message>
        <location filename="../widgets/region_map.py" line="156"/>
        <source>{0} — actief: {1}</source>
        <extracomment>how far one wheel step or button press zooms the closest zoom, as a multiple of the whole-country view (about 1.5 km across) drawing order of the layers: areas under the markers, all above the regions the cell size of the markers&apos; grid, in scene units (1000 per degree of latitude) a press that moves less than this many pixels is a click, not a drag markers by grid cell of the scene (for hit-testing, see place_at) the keys of the places in sight under the filter (None: every place drawn) the keys of the markers hidden now</extracomment>
        <translation>{0} — active: {1}</translation>
    </message>
</context>
<context>
    <name>RegionsPicker</name>
    <message>
        <location filename="../widgets/pickers.py" line="57"/>
        <source>zoek een regio (naam of afkorting)</source>
        <extracomment>combo boxes with more options than this filter as you type</extracomment>
        <translation>search a region (name or abbreviation)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../widgets/people.py" line="43"/>
        <source>Aanmelden — {0}</source>
        <translation>Sign in — {0}</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="45"/>
        <source>voor- en achternaam</source>
        <translation>first and last name</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="53"/>
        <source>alleen als de beheerder er een instelde</source>
        <translation>only if the administrator set one</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="61"/>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="62"/>
        <source>Functie</source>
        <translation>Function</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="63"/>
        <source>Pincode</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="64"/>
        <source>NCV-nummer van de post</source>
        <translation>NCV number of the post</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="65"/>
        <source>Satelliettelefoon</source>
        <translation>Satellite phone</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="66"/>
        <source>C2000-gespreksgroep</source>
        <translation>C2000 talk group</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="69"/>
        <source>In dienst</source>
        <translation>On duty</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="72"/>
        <source>Wat veranderde sinds deze dienst begon?</source>
        <translation>What changed since this shift began?</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="73"/>
        <source>Bij een overdracht: de vergelijking van het beeld bij het begin van de dienst met nu (Terugkijken)</source>
        <translation>At a handover: the situation picture at the start of the shift compared with now (Look back)</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="76"/>
        <source>Mijn dienst beëindigen</source>
        <translation>End my shift</translation>
    </message>
    <message>
        <location filename="../widgets/people.py" line="81"/>
        <source>Wie neemt hier dienst? Is de functie al bezet, dan is dit de overdracht.</source>
        <translation>Who is taking duty here? If the function is already staffed, this is the handover.</translation>
    </message>
</context>
<context>
    <name>SyncStateLabel</name>
    <message>
        <location filename="../widgets/header.py" line="49"/>
        <source>geen sync ingesteld</source>
        <translation>no sync set up</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="49"/>
        <source>sync: verbonden</source>
        <translation>sync: connected</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="50"/>
        <source>sync: geen verbinding</source>
        <translation>sync: no connection</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="50"/>
        <source>sync: bezig</source>
        <translation>sync: in progress</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="51"/>
        <source>sync: fout</source>
        <translation>sync: error</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="54"/>
        <source> · achterstand {0}</source>
        <translation> · backlog {0}</translation>
    </message>
    <message>
        <location filename="../widgets/header.py" line="56"/>
        <source> · laatst {0} geleden</source>
        <translation> · last {0} ago</translation>
    </message>
</context>
<context>
    <name>TerugkijkenBar</name>
    <message>
        <location filename="../widgets/terugkijken.py" line="27"/>
        <source>zoals het was (waar)</source>
        <extracomment>the axes as the operator reads them (value: data.history&apos;s axis name); translated when shown (context &apos;TerugkijkenBar&apos;, also in the handover dialog)</extracomment>
        <translation>as it was (true)</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="28"/>
        <location filename="../widgets/terugkijken.py" line="30"/>
        <source>zoals hier bekend</source>
        <translation>as known here</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="29"/>
        <source>zoals het was</source>
        <translation>as it was</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="84"/>
        <source>◀ 15 min</source>
        <extracomment>in an exercise world: T0 of the scenario (ms), so the banner says the scenario time</extracomment>
        <translation>◀ 15 min</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="85"/>
        <source>15 min ▶</source>
        <translation>15 min ▶</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="86"/>
        <location filename="../widgets/terugkijken.py" line="175"/>
        <source>▶ afspelen</source>
        <translation>▶ play</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="91"/>
        <source>Terug naar nu (Esc)</source>
        <translation>Back to now (Esc)</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="139"/>
        <source>{0} … {1}</source>
        <translation>{0} … {1}</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="156"/>
        <source>{0} (scenariotijd T{1})</source>
        <translation>{0} (scenario time T{1})</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="157"/>
        <source>TERUGKIJKEN · beeld van {0} · {1}{2} · dit is niet het actuele beeld</source>
        <translation>LOOKING BACK · situation picture of {0} · {1}{2} · this is not the current picture</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="160"/>
        <source> · laden…</source>
        <translation> · loading…</translation>
    </message>
    <message>
        <location filename="../widgets/terugkijken.py" line="175"/>
        <source>❚❚ pauze</source>
        <translation>❚❚ pause</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../widgets/timeline.py" line="19"/>
        <source>Incidenten</source>
        <extracomment>the legend&apos;s names of the kinds (translated when a bar is made: context &apos;Timeline&apos;)</extracomment>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="20"/>
        <source>Bijstand</source>
        <translation>Mutual aid</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="21"/>
        <source>Besluiten</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="22"/>
        <source>Acties</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="23"/>
        <source>Logboek</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="24"/>
        <source>Verbindingen</source>
        <translation>Communications</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="25"/>
        <source>Noodsteunpunten</source>
        <translation>Emergency support points</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="26"/>
        <source>Tegenstrijdige wijzigingen</source>
        <translation>Conflicting changes</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="27"/>
        <source>Schaarste</source>
        <translation>Scarcity</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="28"/>
        <source>Vitale partners</source>
        <translation>Critical partners</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="29"/>
        <source>Centra</source>
        <translation>Centres</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="88"/>
        <source>gebeurtenissen per uur</source>
        <extracomment>the width one legend column takes (swatch and the longest kind&apos;s name, &quot;Noodsteunpunten&quot;)</extracomment>
        <translation>events per hour</translation>
    </message>
    <message>
        <location filename="../widgets/timeline.py" line="92"/>
        <source>nu</source>
        <translation>now</translation>
    </message>
</context>
<context>
    <name>Watermark</name>
    <message>
        <location filename="../widgets/header.py" line="289"/>
        <source>OEFENING</source>
        <translation>EXERCISE</translation>
    </message>
</context>
<context>
    <name>WhenPicker</name>
    <message>
        <location filename="../widgets/pickers.py" line="114"/>
        <source>instellen</source>
        <translation>set</translation>
    </message>
</context>
<context>
    <name>_Column</name>
    <message>
        <location filename="../widgets/bijstand_board.py" line="205"/>
        <source>Naar {0}</source>
        <translation>To {0}</translation>
    </message>
</context>
</TS>
