<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>About</name>
    <message>
        <location filename="../desktop/diagnose.py" line="36"/>
        <source>regiogrenzen op de kaart</source>
        <extracomment>settings keys whose values are never written out third-party data shipped with the application (not a Python package)</extracomment>
        <translation>region boundaries on the map</translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="38"/>
        <source>zie de licentie van het pakket</source>
        <extracomment>a package whose metadata names no licence (shown translated in the About box)</extracomment>
        <translation>see the package&apos;s licence</translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="197"/>
        <source>onderdeel</source>
        <translation>component</translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="197"/>
        <source>versie</source>
        <translation>version</translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="198"/>
        <source>licentie</source>
        <translation>licence</translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="199"/>
        <source>Gegevensbestand van dit centrum: {0}</source>
        <translation>This centre&apos;s data file: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="201"/>
        <source>Gegevens: {0}</source>
        <translation>Data: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="202"/>
        <source>Instellingen: {0}</source>
        <translation>Settings: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="203"/>
        <source>Logboek van de applicatie: {0}</source>
        <translation>Application log file: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="205"/>
        <source>Het gedeelde crisisbeeld van de veiligheidsregio’s en KCR2. Licentie: EUPL-1.2.</source>
        <translation>The shared crisis picture of the safety regions and KCR2. Licence: EUPL-1.2.</translation>
    </message>
    <message>
        <location filename="../desktop/diagnose.py" line="207"/>
        <source>Meegeleverde onderdelen en hun licenties</source>
        <translation>Bundled components and their licences</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../desktop/app.py" line="91"/>
        <source>Store niet geopend</source>
        <translation>Store not opened</translation>
    </message>
    <message>
        <location filename="../desktop/app.py" line="92"/>
        <source>Crisisbeeld kan deze store niet openen:

{0}</source>
        <translation>Crisisbeeld cannot open this store:

{0}</translation>
    </message>
</context>
<context>
    <name>Bijlagen</name>
    <message>
        <location filename="../desktop/attach_ui.py" line="108"/>
        <source>Bijlage toevoegen</source>
        <translation>Add attachment</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="109"/>
        <source>Alle bestanden (*);;Foto&apos;s (*.jpg *.jpeg *.png *.gif *.webp);;PDF (*.pdf)</source>
        <translation>All files (*);;Photos (*.jpg *.jpeg *.png *.gif *.webp);;PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="117"/>
        <location filename="../desktop/attach_ui.py" line="135"/>
        <source>Niet opgeslagen: u kijkt terug naar een eerder beeld.</source>
        <translation>Not saved: you are looking back at an earlier picture.</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="120"/>
        <source>bijlage opslaan…</source>
        <translation>saving attachment…</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="124"/>
        <source>bijlage niet opgeslagen: {0}</source>
        <translation>attachment not saved: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="126"/>
        <source>Bijlage niet opgeslagen</source>
        <translation>Attachment not saved</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="129"/>
        <source>bijlage opgeslagen</source>
        <translation>attachment saved</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="139"/>
        <source>Bijlage intrekken</source>
        <translation>Withdraw attachment</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="140"/>
        <source>Waarom wordt ‘{0}’ ingetrokken? Elk centrum ziet de reden; het bestand zelf wordt niet meer getoond of doorgegeven.</source>
        <translation>Why is ‘{0}’ being withdrawn? Every centre sees the reason; the file itself is no longer shown or passed on.</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="147"/>
        <source>bijlage niet ingetrokken: {0}</source>
        <translation>attachment not withdrawn: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="149"/>
        <source>Bijlage niet ingetrokken</source>
        <translation>Attachment not withdrawn</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="153"/>
        <source>bijlage ingetrokken</source>
        <translation>attachment withdrawn</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="177"/>
        <source>bijlage niet te openen: {0}</source>
        <translation>attachment cannot be opened: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/attach_ui.py" line="181"/>
        <source>geen programma gevonden om {0} te openen; kopie staat in {1}</source>
        <translation>no program found to open {0}; a copy is in {1}</translation>
    </message>
</context>
<context>
    <name>CommandWiring</name>
    <message>
        <location filename="../desktop/commands.py" line="64"/>
        <source>Niet opgeslagen: u kijkt terug naar een eerder beeld. Wijzigen kan alleen in het actuele beeld; druk op Esc om terug te gaan naar nu.</source>
        <extracomment>why a write is refused while Terugkijken shows a past picture</extracomment>
        <translation>Not saved: you are looking back at an earlier picture. Changes can only be made in the current picture; press Esc to return to now.</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="75"/>
        <source>onverwachte fout: {0}</source>
        <translation>unexpected error: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="113"/>
        <source>opgeslagen</source>
        <extracomment>told (kind, id) when a form created an incident or a bijstand request</extracomment>
        <translation>saved</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="118"/>
        <source>niet opgeslagen: {0}</source>
        <translation>not saved: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="122"/>
        <source>opslaan…</source>
        <translation>saving…</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="225"/>
        <source>{0}: geen volgende status na {1}</source>
        <translation>{0}: no next status after {1}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="228"/>
        <source>Status wijzigen — {0} (nu {1})</source>
        <translation>Change status — {0} (now {1})</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="243"/>
        <source>Incident melden</source>
        <translation>Report incident</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="250"/>
        <source>Incident bijwerken</source>
        <translation>Update incident</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="262"/>
        <source>Beeld bijwerken — {0} — {1}</source>
        <translation>Update the picture — {0} — {1}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="273"/>
        <source>Oordeel bijwerken — {0}</source>
        <translation>Update the assessment (Oordeel) — {0}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="283"/>
        <source>Bijstand aanvragen</source>
        <translation>Request mutual aid</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="297"/>
        <source>Aanbod doen — {0}</source>
        <translation>Make an offer — {0}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="310"/>
        <source>Doorzetten als deelverzoek (beschikbaarheid onzeker)</source>
        <translation>Pass on as a sub-request (availability uncertain)</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="315"/>
        <source>Defensie (JFC)</source>
        <translation>Defence (JFC)</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="316"/>
        <source>EU (UCPM)</source>
        <translation>EU (UCPM)</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="327"/>
        <source>geen aanbod om bij te werken</source>
        <translation>no offer to update</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="329"/>
        <source>Aanbod bijwerken</source>
        <translation>Update offer</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="339"/>
        <source>geen aanbod om in te trekken</source>
        <translation>no offer to withdraw</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="341"/>
        <source>Aanbod intrekken</source>
        <translation>Withdraw offer</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="373"/>
        <source>Sessie openen (ROT, GBT, RBT of IRBT)</source>
        <translation>Open session (ROT, GBT, RBT or IRBT)</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="386"/>
        <source>Besluit vastleggen — {0}</source>
        <translation>Record decision — {0}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="399"/>
        <source>Overname melden — {0} {1}</source>
        <translation>Report adoption — {0} {1}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="409"/>
        <source>geen ander besluit om de actie onder te hangen</source>
        <translation>no other decision to move the action to</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="411"/>
        <source>Actie onder ander besluit</source>
        <translation>Move action to another decision</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="416"/>
        <source>Besluit {0} wijzigen (nieuwe versie)</source>
        <translation>Amend decision {0} (new version)</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="422"/>
        <source>Besluit {0} intrekken</source>
        <translation>Revoke decision {0}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="427"/>
        <source>Actie bij besluit {0}</source>
        <translation>Action for decision {0}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="437"/>
        <source>IRBT-sessie sluiten — {0}</source>
        <translation>Close IRBT session — {0}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="443"/>
        <source>Actie bijwerken</source>
        <translation>Update action</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="453"/>
        <source>Bijstandsverzoek bijwerken</source>
        <translation>Update mutual aid request</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="461"/>
        <source>NL-Alert vastleggen</source>
        <translation>Record NL-Alert</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="465"/>
        <source>Schaars middel melden (prioritering)</source>
        <translation>Report scarce resource (prioritisation)</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="469"/>
        <source>Vitale partner melden</source>
        <translation>Report vital partner</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="474"/>
        <source>Centrum melden (opschaling, continuïteit)</source>
        <translation>Report centre (scale-up, continuity)</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="481"/>
        <source>Noodsteunpunt registreren</source>
        <translation>Register emergency support point</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="488"/>
        <source>Noodsteunpunt bijwerken — {0}</source>
        <translation>Update emergency support point — {0}</translation>
    </message>
    <message>
        <location filename="../desktop/commands.py" line="512"/>
        <source>Verbinding melden — {0}, {1} (nu {2})</source>
        <translation>Report communications — {0}, {1} (now {2})</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../desktop/errors.py" line="61"/>
        <source>Onverwachte fout</source>
        <extracomment>the log file rotates at this size and keeps this many old files beside it</extracomment>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../desktop/errors.py" line="62"/>
        <source>Er ging iets mis. Het werk dat als opgeslagen is gemeld, is bewaard.
Details staan in {0}.</source>
        <translation>Something went wrong. Work that was reported as saved has been kept.
Details are in {0}.</translation>
    </message>
</context>
<context>
    <name>ExercisePane</name>
    <message>
        <location filename="../desktop/exercise_pane.py" line="239"/>
        <source>de oefening loopt</source>
        <translation>the exercise is running</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="246"/>
        <source>snelheid ×{0}</source>
        <translation>speed ×{0}</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="254"/>
        <source>er staat geen inject meer gepland</source>
        <translation>no more injects are scheduled</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="257"/>
        <source>naar de volgende inject gesprongen</source>
        <translation>jumped to the next inject</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="263"/>
        <source>inject {0} uitgesteld naar T{1}</source>
        <translation>inject {0} postponed to T{1}</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="278"/>
        <source>waarneming bewaard op T{0}</source>
        <translation>observation kept at T{0}</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="292"/>
        <source>oordeel gewist: {0} verwachting {1} telt weer automatisch</source>
        <translation>verdict cleared: {0} expectation {1} counts automatically again</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="295"/>
        <source>oordeel bewaard: {0} verwachting {1}: {2}</source>
        <translation>judgement kept: {0} expectation {1}: {2}</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="323"/>
        <source>doel {0} beoordeeld: {1}</source>
        <translation>objective {0} rated: {1}</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="333"/>
        <source>sterk punt bewaard</source>
        <translation>strength kept</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="335"/>
        <source>verbeterpunt bewaard</source>
        <translation>point for improvement kept</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="359"/>
        <source>verbeterplan: &apos;{0}&apos; — {1}, gereed {2}</source>
        <translation>improvement plan: &apos;{0}&apos; — {1}, due {2}</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="374"/>
        <source>MSEL inlezen</source>
        <translation>Import MSEL</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="376"/>
        <source>MSEL (*.xlsx *.csv)</source>
        <translation>MSEL (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="397"/>
        <source> (en nog {0})</source>
        <translation> (and {0} more)</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="399"/>
        <source>{0} niet ingelezen, niets veranderd: {1}</source>
        <translation>{0} not imported, nothing changed: {1}</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="405"/>
        <source>inlezen geannuleerd; niets veranderd</source>
        <translation>import cancelled; nothing changed</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="416"/>
        <source>{0} injects toegevoegd uit {1}</source>
        <translation>{0} injects added from {1}</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="430"/>
        <source>Evaluatie opslaan</source>
        <translation>Save evaluation</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="432"/>
        <source>Evaluatie (*.html *.md *.xlsx)</source>
        <translation>Evaluation (*.html *.md *.xlsx)</translation>
    </message>
    <message>
        <location filename="../desktop/exercise_pane.py" line="439"/>
        <source>evaluatie opgeslagen: {0}</source>
        <translation>evaluation saved: {0}</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../desktop/help_dialogs.py" line="19"/>
        <source>Over Crisisbeeld</source>
        <translation>About Crisisbeeld</translation>
    </message>
    <message>
        <location filename="../desktop/help_dialogs.py" line="29"/>
        <location filename="../desktop/help_dialogs.py" line="39"/>
        <location filename="../desktop/help_dialogs.py" line="43"/>
        <source>Diagnose opslaan</source>
        <translation>Save diagnostics</translation>
    </message>
    <message>
        <location filename="../desktop/help_dialogs.py" line="30"/>
        <source>Zip-bestand (*.zip)</source>
        <translation>Zip file (*.zip)</translation>
    </message>
    <message>
        <location filename="../desktop/help_dialogs.py" line="40"/>
        <source>Kon {0} niet schrijven: {1}</source>
        <translation>Could not write {0}: {1}</translation>
    </message>
    <message>
        <location filename="../desktop/help_dialogs.py" line="44"/>
        <source>Opgeslagen in {0}. Er staat geen inhoud van het crisisbeeld in, en geen wachtwoorden of sleutels.</source>
        <translation>Saved in {0}. It holds nothing of the crisis picture, and no passwords or keys.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/main_window.py" line="70"/>
        <source>Overzicht</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="71"/>
        <source>Incidenten</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="72"/>
        <source>Bijstand</source>
        <translation>Mutual aid</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="73"/>
        <source>Besluiten</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="74"/>
        <source>Logboek</source>
        <translation>Log</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="75"/>
        <location filename="../desktop/main_window.py" line="133"/>
        <source>Verbindingen</source>
        <translation>Communications</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="76"/>
        <source>Noodsteunpunten</source>
        <translation>Emergency support points</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="78"/>
        <location filename="../desktop/main_window.py" line="144"/>
        <source>Tegenstrijdige wijzigingen</source>
        <translation>Conflicting changes</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="79"/>
        <source>Publiek en schaarste</source>
        <translation>Public and scarce resources</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="80"/>
        <source>Bezetting</source>
        <translation>Staffing</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="111"/>
        <source>Crisisbeeld — {0} ({1})</source>
        <extracomment>the smallest window every view stays usable in (a 1366×768 laptop minus its task bar) the window that took this one&apos;s place after a change of language (see set_language)</extracomment>
        <translation>Crisisbeeld — {0} ({1})</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="157"/>
        <source>Zoeken in alle schermen (Ctrl+F)</source>
        <translation>Search all views (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="165"/>
        <source>✕ regiofilter</source>
        <translation>✕ region filter</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="168"/>
        <source>laden…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="265"/>
        <source>Filter opheffen en tonen</source>
        <translation>Clear filter and show</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="277"/>
        <source>Opgeslagen, maar het filter verbergt het in {0}.</source>
        <translation>Saved, but the filter hides it in {0}.</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="399"/>
        <source>Regio: {0}</source>
        <translation>Region: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="431"/>
        <source>Oefening</source>
        <translation>Exercise</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="445"/>
        <source>&amp;Weergave</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="453"/>
        <source>Wandweergave (Overzicht schermvullend)</source>
        <translation>Wall display (Overview full screen)</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="459"/>
        <source>Licht thema</source>
        <translation>Light theme</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="468"/>
        <source>&amp;Nieuw</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="472"/>
        <source>Incident melden</source>
        <extracomment>command type -&gt; its action in the Nieuw menu (people_ui hides what one may not do)</extracomment>
        <translation>Report incident</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="474"/>
        <source>Bijstandsverzoek</source>
        <translation>Mutual aid request</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="476"/>
        <source>Sessie openen (ROT/GBT/RBT/IRBT)</source>
        <translation>Open session (ROT/GBT/RBT/IRBT)</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="478"/>
        <source>Logboekbericht (snelinvoer)</source>
        <translation>Log message (quick entry)</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="486"/>
        <source>&amp;Hulp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="487"/>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="493"/>
        <source>Diagnose opslaan…</source>
        <translation>Save diagnostics…</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="496"/>
        <source>Over Crisisbeeld</source>
        <translation>About Crisisbeeld</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="507"/>
        <source>Taal</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="529"/>
        <source>Vork in de keten</source>
        <translation>Fork in the chain</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="535"/>
        <source>Niet op het rooster</source>
        <translation>Not on the roster</translation>
    </message>
    <message>
        <location filename="../desktop/main_window.py" line="537"/>
        <source>

Meld dit bij het beheer van de hub (KCR2): alleen centra op het rooster dat de vastgepinde root ondertekende, worden aangenomen.</source>
        <translation>

Report this to the hub&apos;s administrators (KCR2): only centres on the roster signed by the pinned root are accepted.</translation>
    </message>
</context>
<context>
    <name>OverviewPane</name>
    <message>
        <location filename="../desktop/summary_panes.py" line="138"/>
        <source>alle regio&apos;s</source>
        <extracomment>the search texts (of the bijstand board too), kept between keystrokes</extracomment>
        <translation>all regions</translation>
    </message>
    <message>
        <location filename="../desktop/summary_panes.py" line="176"/>
        <source> · logboekregels zonder regio tellen niet mee</source>
        <translation> · log lines without a region are not counted</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <location filename="../desktop/paper.py" line="44"/>
        <source>de printer is niet bereikbaar</source>
        <extracomment>a printer: called with the PDF&apos;s path; raises OSError (with a message) when it fails</extracomment>
        <translation>the printer cannot be reached</translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="46"/>
        <source>de printer weigert: {0}</source>
        <translation>the printer refuses: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="62"/>
        <source>interval &apos;{0}&apos; niet begrepen; schrijf bijvoorbeeld 15m, 1h of 90s</source>
        <translation>interval &apos;{0}&apos; not understood; write for example 15m, 1h or 90s</translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="66"/>
        <source>interval korter dan een minuut: kies minstens 1m</source>
        <translation>interval shorter than a minute: choose at least 1m</translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="130"/>
        <source>papieren pakket niet geschreven: {0}</source>
        <translation>paper pack not written: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="138"/>
        <source>pakket geschreven, maar niet afgedrukt: {0}</source>
        <translation>pack written, but not printed: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="155"/>
        <source>de schijf is vol</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="157"/>
        <source>geen schrijfrechten in de map</source>
        <translation>no permission to write in the folder</translation>
    </message>
    <message>
        <location filename="../desktop/paper.py" line="159"/>
        <source>de map voor de pakketten bestaat niet of is geen map</source>
        <translation>the folder for the packs does not exist or is not a folder</translation>
    </message>
</context>
<context>
    <name>PaperController</name>
    <message>
        <location filename="../desktop/report_ui.py" line="213"/>
        <source>papier: eerste pakket…</source>
        <extracomment>how often the timer looks whether a pack is due (the clock decides, not the timer) print each pack with the system&apos;s print command (lp)</extracomment>
        <translation>paper: first pack…</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="244"/>
        <source>papieren pakket niet geschreven: het programma start niet</source>
        <translation>paper pack not written: the program does not start</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="256"/>
        <source>onbekende fout</source>
        <translation>unknown error</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="257"/>
        <source>papieren pakket niet geschreven: {0}</source>
        <translation>paper pack not written: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="273"/>
        <source>papier: {0}</source>
        <translation>paper: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="277"/>
        <source>papier {0}</source>
        <translation>paper {0}</translation>
    </message>
</context>
<context>
    <name>PeopleController</name>
    <message>
        <location filename="../desktop/people_ui.py" line="224"/>
        <source>{0} is hier niet bezet: er is geen dienst om mee te vergelijken</source>
        <extracomment>what each write control of the window leads to: (view attribute, control attribute) -&gt; command type. A control is shown only when the person&apos;s function may give that command. the application asks everyone to sign in: until then nothing is offered that writes</extracomment>
        <translation>{0} is not staffed here: there is no shift to compare with</translation>
    </message>
    <message>
        <location filename="../desktop/people_ui.py" line="228"/>
        <source>Sinds het begin van de dienst van {0} ({1})</source>
        <translation>Since the start of {0}&apos;s shift ({1})</translation>
    </message>
    <message>
        <location filename="../desktop/people_ui.py" line="236"/>
        <source>de vergelijking lukte niet: {0}</source>
        <translation>the comparison failed: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/people_ui.py" line="255"/>
        <source>dienst beëindigd: {0}</source>
        <translation>shift ended: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/people_ui.py" line="259"/>
        <source>dienst niet beëindigd: {0}</source>
        <translation>shift not ended: {0}</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <location filename="../desktop/report_pdf.py" line="238"/>
        <source>kan niet tekenen op het apparaat (printer of bestand)</source>
        <extracomment>the sitrep gets its table of contents from this many pages on (shorter ones do without)</extracomment>
        <translation>cannot draw on the device (printer or file)</translation>
    </message>
    <message>
        <location filename="../desktop/report_pdf.py" line="265"/>
        <source>{0} kan niet worden geschreven (schijf vol?)</source>
        <translation>{0} cannot be written (disk full?)</translation>
    </message>
</context>
<context>
    <name>ReportWiring</name>
    <message>
        <location filename="../desktop/report_ui.py" line="310"/>
        <source>&amp;Rapport</source>
        <translation>&amp;Report</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="313"/>
        <source>Situatierapport…</source>
        <translation>Situation report…</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="316"/>
        <source>Papieren terugval (pakket elke 15 min)</source>
        <translation>Paper fallback (a pack every 15 min)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../desktop/shortcuts.py" line="12"/>
        <source>naar Overzicht … Publiek en schaarste, Bezetting</source>
        <translation>to Overview … Public and scarce resources, Staffing</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="13"/>
        <source>naar de Oefening (spelleiding)</source>
        <translation>to the Exercise (exercise control)</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="14"/>
        <source>zoeken in alle schermen</source>
        <translation>search all views</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="15"/>
        <source>logboekbericht typen (Enter slaat op)</source>
        <translation>type a log message (Enter saves)</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="16"/>
        <source>incident melden</source>
        <translation>report incident</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="17"/>
        <source>bijstand aanvragen</source>
        <translation>request mutual aid</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="18"/>
        <source>IRBT-sessie openen</source>
        <translation>open IRBT session</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="20"/>
        <source>bijstandskaart naar de volgende / vorige status</source>
        <translation>mutual aid card to the next / previous status</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="21"/>
        <source>bijstandskaart: alle toegestane statussen</source>
        <translation>mutual aid card: all allowed statuses</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="23"/>
        <source>conflict: huidige behouden / concurrerende toepassen</source>
        <translation>conflict: keep current / apply competing</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="24"/>
        <source>wandweergave aan / uit</source>
        <translation>wall display on / off</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="25"/>
        <source>nu synchroniseren</source>
        <translation>synchronise now</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="26"/>
        <source>situatierapport (voorbeeld, opslaan, afdrukken)</source>
        <translation>situation report (preview, save, print)</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="28"/>
        <source>terugkijken naar een eerder moment / terug naar nu</source>
        <translation>look back to an earlier moment / back to now</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="30"/>
        <source>overdracht: wat veranderde sinds begin dienst</source>
        <translation>handover: what changed since the start of the shift</translation>
    </message>
    <message>
        <location filename="../desktop/shortcuts.py" line="40"/>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
</context>
<context>
    <name>SitrepDialog</name>
    <message>
        <location filename="../desktop/report_ui.py" line="54"/>
        <source>Situatierapport</source>
        <translation>Situation report</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="57"/>
        <source>alle regio&apos;s (of bv. VNOG, IJsselland)</source>
        <translation>all regions (or e.g. VNOG, IJsselland)</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="64"/>
        <source>Vernieuwen</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="67"/>
        <source>Regio&apos;s</source>
        <translation>Regions</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="67"/>
        <source>Tot en met</source>
        <translation>Up to and including</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="72"/>
        <source>Opslaan…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="74"/>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="104"/>
        <source>laden…</source>
        <translation>loading…</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="115"/>
        <source>OEFENING</source>
        <translation>EXERCISE</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="123"/>
        <source>Situatierapport opslaan</source>
        <translation>Save situation report</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="124"/>
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="145"/>
        <source>situatierapport opgeslagen: {0}</source>
        <translation>situation report saved: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="147"/>
        <source>niet opgeslagen: {0}</source>
        <translation>not saved: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="166"/>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../desktop/report_ui.py" line="167"/>
        <source>Niet afgedrukt: {0}</source>
        <translation>Not printed: {0}</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../desktop/sync_base.py" line="26"/>
        <source>verbonden</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="27"/>
        <source>geen verbinding</source>
        <translation>no connection</translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="28"/>
        <source>fout</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="37"/>
        <source>{0}: {1} · verzonden t/m {2} · ontvangen t/m {3} · nog te verzenden {4}</source>
        <translation>{0}: {1} · sent up to {2} · received up to {3} · still to send {4}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="41"/>
        <source> · laatst gelukt {0} geleden</source>
        <translation> · last succeeded {0} ago</translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="42"/>
        <source> · nog niet gelukt</source>
        <translation> · not yet succeeded</translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="44"/>
        <source>
    laatste fout: {0}</source>
        <translation>
    last error: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="46"/>
        <source>
    volgende poging over {0} s</source>
        <translation>
    next attempt in {0} s</translation>
    </message>
    <message>
        <location filename="../desktop/sync_base.py" line="107"/>
        <source>onverwachte fout: {0}</source>
        <translation>unexpected error: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="19"/>
        <source>Crisisbeeld-bundel (*.cbbundle);;Oudere bundels (*.cbz *.zip);;Alle bestanden (*)</source>
        <translation>Crisisbeeld bundle (*.cbbundle);;Older bundles (*.cbz *.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="21"/>
        <source>Statusbestand (*.json);;Alle bestanden (*)</source>
        <translation>Status file (*.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="76"/>
        <source>Bundel exporteren</source>
        <translation>Export bundle</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="83"/>
        <source>Statusbestand van de ontvanger kiezen</source>
        <translation>Choose the receiver&apos;s status file</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="86"/>
        <source>Incrementele bundel exporteren</source>
        <translation>Export incremental bundle</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="93"/>
        <source>bundel schrijven…</source>
        <translation>writing bundle…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="97"/>
        <source>Incrementele bundel</source>
        <translation>Incremental bundle</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="98"/>
        <source>Bundel</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="99"/>
        <source>{0} geschreven: {1} gebeurtenissen van {2} oorsprong(en) naar {3}</source>
        <translation>{0} written: {1} events from {2} origin(s) to {3}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="106"/>
        <source>Bundel niet geschreven: {0}</source>
        <translation>Bundle not written: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="112"/>
        <source>Statusbestand schrijven</source>
        <translation>Write status file</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="118"/>
        <source>Statusbestand geschreven ({0} oorsprong(en)) naar {1}. Geef het aan wie een bundel voor u maakt.</source>
        <translation>Status file written ({0} origin(s)) to {1}. Give it to whoever makes a bundle for you.</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="125"/>
        <source>Statusbestand niet geschreven: {0}</source>
        <translation>Status file not written: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="128"/>
        <source>Bundel importeren</source>
        <translation>Import bundle</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="131"/>
        <source>bundel inlezen…</source>
        <translation>reading bundle…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="135"/>
        <source>Bundel ingelezen: {0} nieuw, {1} al aanwezig, {2} geweigerd</source>
        <translation>Bundle read: {0} new, {1} already present, {2} refused</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="140"/>
        <source> (o.a. {0}: {1})</source>
        <translation> (e.g. {0}: {1})</translation>
    </message>
    <message>
        <location filename="../desktop/sync_bundles.py" line="148"/>
        <source>Bundel niet ingelezen: {0}</source>
        <translation>Bundle not read: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="63"/>
        <source>hub {0} bereikbaar</source>
        <translation>hub {0} reachable</translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="67"/>
        <source>deze hub bedient wereld {0}, niet {1}</source>
        <translation>this hub serves {0}, not {1}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="74"/>
        <source>het token van centrum {0} geeft geen recht om in beeld {1} te schrijven</source>
        <translation>the token of centre {0} gives no right to write in picture {1}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="79"/>
        <source>; token geldig (centrum {0})</source>
        <translation>; token valid (centre {0})</translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="102"/>
        <source>Hub {0} toegevoegd</source>
        <translation>Hub {0} added</translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="125"/>
        <source>Hub verwijderen</source>
        <translation>Remove hub</translation>
    </message>
    <message>
        <location filename="../desktop/sync_hubs.py" line="126"/>
        <source>Niet meer synchroniseren met {0}?</source>
        <translation>Stop synchronising with {0}?</translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="57"/>
        <location filename="../desktop/sync_peer.py" line="104"/>
        <source>poort {0} is bezet of niet beschikbaar; kies een andere</source>
        <translation>port {0} is in use or not available; choose another</translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="68"/>
        <source>kies het certificaat én de sleutel die erbij hoort</source>
        <translation>choose the certificate and its key, both</translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="70"/>
        <source>de hub zou op alle adressen luisteren zonder TLS: tokens en gebeurtenissen zouden onversleuteld over het netwerk gaan. Kies een certificaat en sleutel, of (alleen op een vertrouwd netwerk) &apos;onversleuteld op een vertrouwd netwerk&apos;; of houd de hub op deze computer.</source>
        <translation>the hub would listen on all addresses without TLS: tokens and events would cross the network unencrypted. Choose a certificate and key, or (only on a trusted network) &apos;unencrypted on a trusted network&apos;; or keep the hub on this computer.</translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="117"/>
        <source>naam van het buurcentrum: gebruik letters, cijfers, &apos;-&apos;, &apos;_&apos; of &apos;.&apos; (hoogstens 80)</source>
        <translation>name of the neighbouring centre: use letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos; (at most 80)</translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="126"/>
        <source>Centrum {0} is al aangemeld bij deze hub ({1}); er is niets veranderd. Opnieuw aanmelden maakt zijn huidige token ongeldig; doe dat alleen bewust, met &apos;crisisbeeld hub enroll --store … --node {0} --vervang&apos;.</source>
        <translation>Centre {0} is already enrolled at this hub ({1}); nothing was changed. Enrolling it again makes its current token invalid; do that only deliberately, with &apos;crisisbeeld hub enroll --store … --node {0} --vervang&apos;.</translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="195"/>
        <source>Buren-hub niet gestart: {0}</source>
        <translation>Neighbours&apos; hub not started: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="219"/>
        <source>Buren: meld hieronder de naam van hun centrum aan en geef hun het token dat verschijnt; zij kiezen Synchronisatie → Hub toevoegen… met dit adres en dat token.</source>
        <translation>Neighbours: enrol their centre&apos;s name below and give them the token that appears; they choose Synchronisation → Add hub… with this address and that token.</translation>
    </message>
    <message>
        <location filename="../desktop/sync_peer.py" line="236"/>
        <source>Centrum {0} aangemeld voor beeld {1}. Geef dit token aan de buur langs een veilige weg: het wordt niet opnieuw getoond (de hub bewaart alleen een controlegetal ervan).</source>
        <translation>Centre {0} enrolled for picture {1}. Give this token to the neighbour by a safe route: it is not shown again (the hub keeps only a checksum of it).</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../desktop/sync_ui.py" line="121"/>
        <source>&amp;Synchronisatie</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="136"/>
        <source>Hub toevoegen…</source>
        <translation>Add hub…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="137"/>
        <source>Hubs beheren…</source>
        <translation>Manage hubs…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="138"/>
        <source>Nu synchroniseren</source>
        <translation>Synchronise now</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="140"/>
        <source>Beeld delen met buren (hub starten)…</source>
        <translation>Share the picture with neighbours (start hub)…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="142"/>
        <source>Bundel exporteren…</source>
        <translation>Export bundle…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="143"/>
        <source>Incrementele bundel exporteren…</source>
        <translation>Export incremental bundle…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="145"/>
        <source>Statusbestand schrijven…</source>
        <translation>Write status file…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="146"/>
        <source>Bundel importeren…</source>
        <translation>Import bundle…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="190"/>
        <source>Hub {0}: het tokenbestand is onleesbaar ({1})</source>
        <translation>Hub {0}: the token file cannot be read ({1})</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="208"/>
        <source>Synchronisatie niet gestart: {0}</source>
        <translation>Synchronisation not started: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="230"/>
        <source>Er is nog geen hub ingesteld (Synchronisatie → Hub toevoegen…).</source>
        <translation>No hub has been set up yet (Synchronisation → Add hub…).</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="265"/>
        <source>synchronisatie start…</source>
        <translation>synchronisation starting…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="268"/>
        <source>Geen hub ingesteld: Synchronisatie → Hub toevoegen…</source>
        <translation>No hub set up: Synchronisation → Add hub…</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="272"/>
        <source>Buren-hub draait op poort {0}</source>
        <translation>Neighbours&apos; hub running on port {0}</translation>
    </message>
    <message>
        <location filename="../desktop/sync_ui.py" line="290"/>
        <source>Synchronisatie</source>
        <translation>Synchronisation</translation>
    </message>
</context>
<context>
    <name>Terugkijken</name>
    <message>
        <location filename="../desktop/terugkijken.py" line="78"/>
        <source>Terugkijken (beeld op een eerder moment)</source>
        <extracomment>in an exercise world: T0 of the scenario in ms (None: no exercise, or not started)</extracomment>
        <translation>Look back (the picture at an earlier moment)</translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="81"/>
        <source>Overdracht (wat veranderde sinds begin dienst)</source>
        <translation>Handover (what changed since the start of the shift)</translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="184"/>
        <source>terugkijken: dit moment kon niet worden gelezen</source>
        <translation>look back: this moment could not be read</translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="238"/>
        <source>terug naar het actuele beeld</source>
        <translation>back to the current picture</translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="268"/>
        <source>Het begin ligt na het einde; kies een eerder begin.</source>
        <translation>The start lies after the end; choose an earlier start.</translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="280"/>
        <source>De overdracht kon niet worden gemaakt.</source>
        <translation>The handover could not be made.</translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="285"/>
        <source>Overdracht opslaan</source>
        <translation>Save handover</translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="287"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="293"/>
        <source>Niet opgeslagen: {0}</source>
        <translation>Not saved: {0}</translation>
    </message>
    <message>
        <location filename="../desktop/terugkijken.py" line="296"/>
        <source>overdracht opgeslagen: {0}</source>
        <translation>handover saved: {0}</translation>
    </message>
</context>
</TS>
