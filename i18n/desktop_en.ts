<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../desktop/errors.py" line="59"/>
        <source>Onverwachte fout</source>
        <extracomment>the log file rotates at this size and keeps this many old files beside it</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/errors.py" line="60"/>
        <source>Er ging iets mis. Het werk dat als opgeslagen is gemeld, is bewaard.
Details staan in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>About</name>
    <message>
        <location filename="../desktop/diagnose.py" line="36"/>
        <source>regiogrenzen op de kaart</source>
        <extracomment>settings keys whose values are never written out third-party data shipped with the application (not a Python package)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="38"/>
        <source>zie de licentie van het pakket</source>
        <extracomment>a package whose metadata names no licence (shown translated in the About box)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="197"/>
        <source>onderdeel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="197"/>
        <source>versie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="198"/>
        <source>licentie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="199"/>
        <source>Gegevensbestand van dit centrum: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="201"/>
        <source>Gegevens: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="202"/>
        <source>Instellingen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="203"/>
        <source>Logboek van de applicatie: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="205"/>
        <source>Het gedeelde crisisbeeld van de veiligheidsregio’s en KCR2. Licentie: EUPL-1.2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="207"/>
        <source>Meegeleverde onderdelen en hun licenties</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandWiring</name>
    <message>
        <location filename="../desktop/commands.py" line="61"/>
        <source>Niet opgeslagen: u kijkt terug naar een eerder beeld. Wijzigen kan alleen in het actuele beeld; druk op Esc om terug te gaan naar nu.</source>
        <extracomment>why a write is refused while Terugkijken shows a past picture</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="72"/>
        <source>onverwachte fout: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="110"/>
        <source>opgeslagen</source>
        <extracomment>told (kind, id) when a form created an incident or a bijstand request</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="115"/>
        <source>niet opgeslagen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="119"/>
        <source>opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="220"/>
        <source>{0}: geen volgende status na {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="223"/>
        <source>Status wijzigen — {0} (nu {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="238"/>
        <source>Incident melden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="244"/>
        <source>Incident bijwerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="254"/>
        <source>Beeld bijwerken — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="262"/>
        <source>Bijstand aanvragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="275"/>
        <source>Aanbod doen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="288"/>
        <source>Doorzetten als deelverzoek (beschikbaarheid onzeker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="293"/>
        <source>Defensie (JFC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="294"/>
        <source>EU (UCPM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="305"/>
        <source>geen aanbod om bij te werken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="307"/>
        <source>Aanbod bijwerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="317"/>
        <source>geen aanbod om in te trekken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="319"/>
        <source>Aanbod intrekken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="351"/>
        <source>Sessie openen (ROT, GBT, RBT of IRBT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="360"/>
        <source>Besluit vastleggen — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="372"/>
        <source>Overname melden — {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="382"/>
        <source>geen ander besluit om de actie onder te hangen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="384"/>
        <source>Actie onder ander besluit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="389"/>
        <source>Besluit {0} wijzigen (nieuwe versie)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="395"/>
        <source>Besluit {0} intrekken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="400"/>
        <source>Actie bij besluit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="410"/>
        <source>IRBT-sessie sluiten — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="416"/>
        <source>Actie bijwerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="425"/>
        <source>Bijstandsverzoek bijwerken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="433"/>
        <source>NL-Alert vastleggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="437"/>
        <source>Schaars middel melden (prioritering)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="441"/>
        <source>Vitale partner melden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="446"/>
        <source>Centrum melden (opschaling, continuïteit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="453"/>
        <source>Noodsteunpunt registreren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="460"/>
        <source>Noodsteunpunt bijwerken — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="484"/>
        <source>Verbinding melden — {0}, {1} (nu {2})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExercisePane</name>
    <message>
        <location filename="../desktop/exercise_pane.py" line="235"/>
        <source>de oefening loopt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="242"/>
        <source>snelheid ×{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="250"/>
        <source>er staat geen inject meer gepland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="253"/>
        <source>naar de volgende inject gesprongen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="259"/>
        <source>inject {0} uitgesteld naar T{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="274"/>
        <source>waarneming bewaard op T{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="287"/>
        <source>oordeel bewaard: {0} verwachting {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="316"/>
        <source>doel {0} beoordeeld: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="326"/>
        <source>sterk punt bewaard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="328"/>
        <source>verbeterpunt bewaard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="334"/>
        <source>MSEL inlezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="336"/>
        <source>MSEL (*.xlsx *.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="357"/>
        <source> (en nog {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="359"/>
        <source>{0} niet ingelezen, niets veranderd: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="365"/>
        <source>inlezen geannuleerd; niets veranderd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="376"/>
        <source>{0} injects toegevoegd uit {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="390"/>
        <source>Evaluatie opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="392"/>
        <source>Evaluatie (*.html *.md *.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="399"/>
        <source>evaluatie opgeslagen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../desktop/help_dialogs.py" line="18"/>
        <source>Over Crisisbeeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/help_dialogs.py" line="22"/>
        <source>Sluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/help_dialogs.py" line="31"/>
        <location filename="../desktop/help_dialogs.py" line="41"/>
        <location filename="../desktop/help_dialogs.py" line="45"/>
        <source>Diagnose opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/help_dialogs.py" line="32"/>
        <source>Zip-bestand (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/help_dialogs.py" line="42"/>
        <source>Kon {0} niet schrijven: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/help_dialogs.py" line="46"/>
        <source>Opgeslagen in {0}. Er staat geen inhoud van het crisisbeeld in, en geen wachtwoorden of sleutels.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/main_window.py" line="68"/>
        <source>Overzicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="69"/>
        <source>Incidenten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="70"/>
        <source>Bijstand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="71"/>
        <source>Besluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="72"/>
        <source>Logboek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="73"/>
        <location filename="../desktop/main_window.py" line="131"/>
        <source>Verbindingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="74"/>
        <source>Noodsteunpunten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="76"/>
        <location filename="../desktop/main_window.py" line="142"/>
        <source>Tegenstrijdige wijzigingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="77"/>
        <source>Publiek en schaarste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="78"/>
        <source>Bezetting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="109"/>
        <source>Crisisbeeld — {0} ({1})</source>
        <extracomment>the smallest window every view stays usable in (a 1366×768 laptop minus its task bar) the window that took this one&apos;s place after a change of language (see set_language)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="132"/>
        <source>Klik op een cel (of Enter) om een nieuwe status te melden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="155"/>
        <source>Zoeken in alle schermen (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="163"/>
        <source>✕ regiofilter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="166"/>
        <source>laden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="256"/>
        <source>Filter opheffen en tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="268"/>
        <source>Opgeslagen, maar het filter verbergt het in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="390"/>
        <source>Regio: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="412"/>
        <source>Oefening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="425"/>
        <source>&amp;Weergave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="433"/>
        <source>Wandweergave (Overzicht schermvullend)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="439"/>
        <source>Licht thema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="448"/>
        <source>&amp;Nieuw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="452"/>
        <source>Incident melden</source>
        <extracomment>command type -&gt; its action in the Nieuw menu (people_ui hides what one may not do)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="454"/>
        <source>Bijstandsverzoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="456"/>
        <source>Sessie openen (ROT/GBT/RBT/IRBT)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="458"/>
        <source>Logboekbericht (snelinvoer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="466"/>
        <source>&amp;Hulp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="467"/>
        <source>Sneltoetsen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="473"/>
        <source>Diagnose opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="476"/>
        <source>Over Crisisbeeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="487"/>
        <source>Taal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="509"/>
        <source>Vork in de keten</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewPane</name>
    <message>
        <location filename="../desktop/summary_panes.py" line="97"/>
        <source>alle regio&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/summary_panes.py" line="106"/>
        <source>alle regio&apos;s, zonder zoekfilter: de tijdlijn telt het hele logboek</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <location filename="../desktop/paper.py" line="43"/>
        <source>de printer is niet bereikbaar</source>
        <extracomment>a printer: called with the PDF&apos;s path; raises OSError (with a message) when it fails</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="45"/>
        <source>de printer weigert: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="61"/>
        <source>interval &apos;{0}&apos; niet begrepen; schrijf bijvoorbeeld 15m, 1h of 90s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="65"/>
        <source>interval korter dan een minuut: kies minstens 1m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="128"/>
        <source>papieren pakket niet geschreven: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="136"/>
        <source>pakket geschreven, maar niet afgedrukt: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="153"/>
        <source>de schijf is vol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="155"/>
        <source>geen schrijfrechten in de map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="157"/>
        <source>de map voor de pakketten bestaat niet of is geen map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaperController</name>
    <message>
        <location filename="../desktop/report_ui.py" line="211"/>
        <source>papier: eerste pakket…</source>
        <extracomment>how often the timer looks whether a pack is due (the clock decides, not the timer) print each pack with the system&apos;s print command (lp)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="242"/>
        <source>papieren pakket niet geschreven: het programma start niet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="254"/>
        <source>onbekende fout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="255"/>
        <source>papieren pakket niet geschreven: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="271"/>
        <source>papier: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="275"/>
        <source>papier {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PeopleController</name>
    <message>
        <location filename="../desktop/people_ui.py" line="220"/>
        <source>{0} is hier niet bezet: er is geen dienst om mee te vergelijken</source>
        <extracomment>what each write control of the window leads to: (view attribute, control attribute) -&gt; command type. A control is shown only when the person&apos;s function may give that command. the application asks everyone to sign in: until then nothing is offered that writes</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/people_ui.py" line="224"/>
        <source>Sinds het begin van de dienst van {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/people_ui.py" line="232"/>
        <source>de vergelijking lukte niet: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/people_ui.py" line="251"/>
        <source>dienst beëindigd: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/people_ui.py" line="255"/>
        <source>dienst niet beëindigd: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../desktop/report_pdf.py" line="238"/>
        <source>kan niet tekenen op het apparaat (printer of bestand)</source>
        <extracomment>the sitrep gets its table of contents from this many pages on (shorter ones do without)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_pdf.py" line="265"/>
        <source>{0} kan niet worden geschreven (schijf vol?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportWiring</name>
    <message>
        <location filename="../desktop/report_ui.py" line="305"/>
        <source>&amp;Rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="308"/>
        <source>Situatierapport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="311"/>
        <source>Papieren terugval (pakket elke 15 min)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../desktop/shortcuts.py" line="10"/>
        <source>naar Overzicht … Publiek en schaarste, Bezetting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="11"/>
        <source>naar de Oefening (spelleiding)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="12"/>
        <source>zoeken in alle schermen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="13"/>
        <source>logboekbericht typen (Enter slaat op)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="14"/>
        <source>incident melden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="15"/>
        <source>bijstand aanvragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="16"/>
        <source>IRBT-sessie openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="18"/>
        <source>bijstandskaart naar de volgende / vorige status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="19"/>
        <source>bijstandskaart: alle toegestane statussen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="21"/>
        <source>conflict: huidige behouden / concurrerende toepassen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="22"/>
        <source>wandweergave aan / uit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="23"/>
        <source>nu synchroniseren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="24"/>
        <source>situatierapport (voorbeeld, opslaan, afdrukken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="26"/>
        <source>terugkijken naar een eerder moment / terug naar nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="28"/>
        <source>overdracht: wat veranderde sinds begin dienst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="39"/>
        <source>Sneltoetsen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SitrepDialog</name>
    <message>
        <location filename="../desktop/report_ui.py" line="53"/>
        <source>Situatierapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="56"/>
        <source>alle regio&apos;s (of bv. VNOG, IJsselland)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="62"/>
        <source>Vernieuwen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="65"/>
        <source>Regio&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="65"/>
        <source>Tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="70"/>
        <source>Opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="72"/>
        <source>Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="102"/>
        <source>laden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="113"/>
        <source>OEFENING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="121"/>
        <source>Situatierapport opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="122"/>
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="143"/>
        <source>situatierapport opgeslagen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="145"/>
        <source>niet opgeslagen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="164"/>
        <source>Afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="165"/>
        <source>Niet afgedrukt: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../desktop/sync_base.py" line="26"/>
        <source>verbonden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="27"/>
        <source>geen verbinding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="28"/>
        <source>fout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="37"/>
        <source>{0}: {1} · verzonden t/m {2} · ontvangen t/m {3} · nog te verzenden {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="41"/>
        <source> · laatst gelukt {0} geleden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="42"/>
        <source> · nog niet gelukt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="44"/>
        <source>
    laatste fout: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="46"/>
        <source>
    volgende poging over {0} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="107"/>
        <source>onverwachte fout: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="18"/>
        <source>Crisisbeeld-bundel (*.cbbundle);;Oudere bundels (*.cbz *.zip);;Alle bestanden (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="20"/>
        <source>Statusbestand (*.json);;Alle bestanden (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="75"/>
        <source>Bundel exporteren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="82"/>
        <source>Statusbestand van de ontvanger kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="85"/>
        <source>Incrementele bundel exporteren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="92"/>
        <source>bundel schrijven…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="95"/>
        <source>Incrementele bundel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="96"/>
        <source>Bundel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="97"/>
        <source>{0} geschreven: {1} gebeurtenissen van {2} oorsprong(en) naar {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="104"/>
        <source>Bundel niet geschreven: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="107"/>
        <source>Statusbestand schrijven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="113"/>
        <source>Statusbestand geschreven ({0} oorsprong(en)) naar {1}. Geef het aan wie een bundel voor u maakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="120"/>
        <source>Statusbestand niet geschreven: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="123"/>
        <source>Bundel importeren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="126"/>
        <source>bundel inlezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="129"/>
        <source>Bundel ingelezen: {0} nieuw, {1} al aanwezig, {2} geweigerd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="134"/>
        <source> (o.a. {0}: {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="142"/>
        <source>Bundel niet ingelezen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="63"/>
        <source>hub {0} bereikbaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="67"/>
        <source>deze hub bedient wereld {0}, niet {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="74"/>
        <source>token van node {0} mag wereld {1} niet schrijven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="78"/>
        <source>; token geldig (node {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="100"/>
        <source>Hub {0} toegevoegd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="123"/>
        <source>Hub verwijderen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="124"/>
        <source>Niet meer synchroniseren met {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="57"/>
        <location filename="../desktop/sync_peer.py" line="78"/>
        <source>poort {0} is bezet of niet beschikbaar; kies een andere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="91"/>
        <source>naam van het buurcentrum: gebruik letters, cijfers, &apos;-&apos;, &apos;_&apos; of &apos;.&apos; (hoogstens 80)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="155"/>
        <source>Buren-hub niet gestart: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="178"/>
        <source>Buren: meld hieronder hun node-id aan en geef hun het token; zij kiezen Synchronisatie → Hub toevoegen… met dit adres en dat token (of: crisisbeeld sync --hub ADRES --token-file BESTAND).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="195"/>
        <source>Node {0} aangemeld voor wereld {1}. Geef dit token aan de buur (veilig: het wordt niet opnieuw getoond; de hub bewaart alleen een hash). CLI: crisisbeeld hub enroll --store {2} --node {0} --worlds {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../desktop/sync_ui.py" line="121"/>
        <source>&amp;Synchronisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="136"/>
        <source>Hub toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="137"/>
        <source>Hubs beheren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="138"/>
        <source>Nu synchroniseren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="140"/>
        <source>Beeld delen met buren (hub starten)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="142"/>
        <source>Bundel exporteren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="143"/>
        <source>Incrementele bundel exporteren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="145"/>
        <source>Statusbestand schrijven…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="146"/>
        <source>Bundel importeren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="190"/>
        <source>Hub {0}: tokenbestand onleesbaar ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="208"/>
        <source>Synchronisatie niet gestart: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="229"/>
        <source>Er is nog geen hub ingesteld (Synchronisatie → Hub toevoegen…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="261"/>
        <source>synchronisatie start…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="264"/>
        <source>Geen hub ingesteld: Synchronisatie → Hub toevoegen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="268"/>
        <source>Buren-hub draait op poort {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="286"/>
        <source>Synchronisatie</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Terugkijken</name>
    <message>
        <location filename="../desktop/terugkijken.py" line="75"/>
        <source>Terugkijken (beeld op een eerder moment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="78"/>
        <source>Overdracht (wat veranderde sinds begin dienst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="179"/>
        <source>terugkijken: dit moment kon niet worden gelezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="232"/>
        <source>terug naar het actuele beeld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="262"/>
        <source>Het begin ligt na het einde; kies een eerder begin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="274"/>
        <source>De overdracht kon niet worden gemaakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="279"/>
        <source>Overdracht opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="281"/>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="287"/>
        <source>Niet opgeslagen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="290"/>
        <source>overdracht opgeslagen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
