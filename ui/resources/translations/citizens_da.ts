<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>dd-mm-yyyy (empty: ongoing)</source>
        <translation>dd-mm-åååå (tom: løbende)</translation>
    </message>
    <message>
        <source>The current primary mentor's period ends the day before.</source>
        <translation>Den nuværende primære kontaktpersons periode slutter dagen før.</translation>
    </message>
    <message>
        <source>Mentor:</source>
        <translation>Mentor:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Fra:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Til:</translation>
    </message>
    <message>
        <source>Choose a mentor.</source>
        <translation>Vælg en mentor.</translation>
    </message>
</context>
<context>
    <name>CitizenFilterBar</name>
    <message>
        <source>Search name, alias or the last 4 digits of the CPR number (Ctrl+F)</source>
        <translation>Søg på navn, alias eller de sidste 4 cifre i CPR-nummeret (Ctrl+F)</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statusser</translation>
    </message>
    <message>
        <source>All mentors</source>
        <translation>Alle mentorer</translation>
    </message>
    <message>
        <source>All legal bases</source>
        <translation>Alle lovgrundlag</translation>
    </message>
    <message>
        <source>All course types</source>
        <translation>Alle forløbstyper</translation>
    </message>
    <message>
        <source>My citizens</source>
        <translation>Mine borgere</translation>
    </message>
    <message>
        <source>Only citizens I am primary mentor or substitute for</source>
        <translation>Kun borgere, jeg er primær kontaktperson eller afløser for</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Mentor:</source>
        <translation>Mentor:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Lovgrundlag:</translation>
    </message>
    <message>
        <source>Course type:</source>
        <translation>Forløbstype:</translation>
    </message>
</context>
<context>
    <name>CitizenRecord</name>
    <message>
        <source>Select a citizen to see the case.</source>
        <translation>Vælg en borger for at se sagen.</translation>
    </message>
    <message>
        <source>Loading the case…</source>
        <translation>Henter sagen…</translation>
    </message>
</context>
<context>
    <name>RecordContent</name>
    <message>
        <source>Overview</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <source>Mentors</source>
        <translation>Mentorer</translation>
    </message>
    <message>
        <source>Anonymous (§99)</source>
        <translation>Anonym (§99)</translation>
    </message>
    <message>
        <source>Registered under §99 with an alias only, without a CPR number.</source>
        <translation>Registreret efter §99 alene med et alias, uden CPR-nummer.</translation>
    </message>
    <message>
        <source>Primary mentor: {name}</source>
        <translation>Primær kontaktperson: {name}</translation>
    </message>
    <message>
        <source>No primary mentor</source>
        <translation>Ingen primær kontaktperson</translation>
    </message>
</context>
<context>
    <name>CitizensTableModel</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>CPR</source>
        <translation>CPR</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Primary mentor</source>
        <translation>Primær mentor</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>(anonym)</translation>
    </message>
    <message>
        <source>Anonymous citizen (§99): registered with an alias only</source>
        <translation>Anonym borger (§99): registreret alene med et alias</translation>
    </message>
</context>
<context>
    <name>CitizensView</name>
    <message>
        <source>Show or hide the list of citizens (Ctrl+Shift+L)</source>
        <translation>Vis eller skjul borgerlisten (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>New citizen (Ctrl+N)</source>
        <translation>Ny borger (Ctrl+N)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Søger…</translation>
    </message>
    <message numerus="yes">
        <source>%n citizen(s)</source>
        <translation>
            <numerusform>%n borger</numerusform>
            <numerusform>%n borgere</numerusform>
        </translation>
    </message>
    <message>
        <source>The open case has changes that are not saved. Save them (Ctrl+S) or undo them before choosing another citizen.</source>
        <translation>Den åbne sag har ændringer, der ikke er gemt. Gem dem (Ctrl+S) eller fortryd dem, før du vælger en anden borger.</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Closing date</source>
        <translation>Afslutningsdato</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Afslut sag</translation>
    </message>
    <message>
        <source>The case gets the status Closed. The mentors' assignments end on the closing date; the history is kept. A coordinator can reopen the case later.</source>
        <translation>Sagen får status Afsluttet. Mentorernes tildelinger slutter på afslutningsdatoen; historikken bevares. En koordinator kan genåbne sagen senere.</translation>
    </message>
    <message>
        <source>Closing date:</source>
        <translation>Afslutningsdato:</translation>
    </message>
</context>
<context>
    <name>ConflictAwareSave</name>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>CprDialog</name>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>Type the citizen's CPR number. Leave it empty to remove the registered number.</source>
        <translation>Skriv borgerens CPR-nummer. Lad feltet være tomt for at fjerne det registrerede nummer.</translation>
    </message>
</context>
<context>
    <name>CprField</name>
    <message>
        <source>ddmmyy-xxxx</source>
        <translation>ddmmåå-xxxx</translation>
    </message>
    <message>
        <source>Optional. 10 digits: ddmmyy-xxxx.</source>
        <translation>Valgfrit. 10 cifre: ddmmåå-xxxx.</translation>
    </message>
    <message>
        <source>10 digits: ddmmyy-xxxx.</source>
        <translation>10 cifre: ddmmåå-xxxx.</translation>
    </message>
    <message>
        <source>Valid CPR number.</source>
        <translation>Gyldigt CPR-nummer.</translation>
    </message>
</context>
<context>
    <name>MentorsTab</name>
    <message>
        <source>New primary mentor…</source>
        <translation>Ny primær kontaktperson…</translation>
    </message>
    <message>
        <source>Add substitute…</source>
        <translation>Tilføj afløser…</translation>
    </message>
    <message>
        <source>Change period…</source>
        <translation>Ret periode…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>ongoing</source>
        <translation>løbende</translation>
    </message>
    <message>
        <source>Only a coordinator can assign mentors.</source>
        <translation>Kun en koordinator kan tildele mentorer.</translation>
    </message>
    <message>
        <source>The case is closed. Reopen it to assign mentors.</source>
        <translation>Sagen er afsluttet. Genåbn den for at tildele mentorer.</translation>
    </message>
    <message>
        <source>A new primary mentor ends the current one the day before.</source>
        <translation>En ny primær kontaktperson afslutter den nuværende dagen før.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Delete assignment</source>
        <translation>Slet tildeling</translation>
    </message>
    <message>
        <source>Delete the assignment of {name}? Use Change period to end an assignment that really took place.</source>
        <translation>Slet tildelingen af {name}? Brug Ret periode for at afslutte en tildeling, der faktisk har fundet sted.</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Sletter…</translation>
    </message>
</context>
<context>
    <name>NewCitizenDialog</name>
    <message>
        <source>New citizen</source>
        <translation>Ny borger</translation>
    </message>
    <message>
        <source>With name</source>
        <translation>Med navn</translation>
    </message>
    <message>
        <source>Anonymous (§99): alias only</source>
        <translation>Anonym (§99): kun alias</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Opret</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(ingen endnu)</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Fornavn:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Efternavn:</translation>
    </message>
    <message>
        <source>CPR number:</source>
        <translation>CPR-nummer:</translation>
    </message>
    <message>
        <source>Alias:</source>
        <translation>Alias:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Primary mentor:</source>
        <translation>Primær kontaktperson:</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Skal udfyldes</translation>
    </message>
    <message>
        <source>Optional, e.g. a nickname</source>
        <translation>Valgfrit, fx et kaldenavn</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Relatives and network</source>
        <translation>Pårørende og netværk</translation>
    </message>
    <message>
        <source>Anonymous (§99): alias only, no CPR number</source>
        <translation>Anonym (§99): kun alias, intet CPR-nummer</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(ikke valgt)</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Gem (Ctrl+S)</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Show CPR</source>
        <translation>Vis CPR</translation>
    </message>
    <message>
        <source>Shows the full CPR number for 30 seconds. This is recorded in the log.</source>
        <translation>Viser hele CPR-nummeret i 30 sekunder. Det registreres i loggen.</translation>
    </message>
    <message>
        <source>Change CPR…</source>
        <translation>Ret CPR…</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Fornavn:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Efternavn:</translation>
    </message>
    <message>
        <source>Alias:</source>
        <translation>Alias:</translation>
    </message>
    <message>
        <source>CPR:</source>
        <translation>CPR:</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Kontaktoplysninger</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Postal code and town:</source>
        <translation>Postnr. og by:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Preferred contact:</source>
        <translation>Foretrukken kontaktform:</translation>
    </message>
    <message>
        <source>Close case…</source>
        <translation>Afslut sag…</translation>
    </message>
    <message>
        <source>Reopen case…</source>
        <translation>Genåbn sag…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Fetching the CPR number…</source>
        <translation>Henter CPR-nummeret…</translation>
    </message>
    <message>
        <source>Hide CPR</source>
        <translation>Skjul CPR</translation>
    </message>
    <message>
        <source>None (anonymous, §99)</source>
        <translation>Intet (anonym, §99)</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Ikke registreret</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Reopen case</source>
        <translation>Genåbn sag</translation>
    </message>
    <message>
        <source>Reopen the case with status Active? Assign a primary mentor afterwards under Mentors.</source>
        <translation>Genåbn sagen med status Aktiv? Tildel derefter en primær kontaktperson under Mentorer.</translation>
    </message>
    <message>
        <source>Someone else changed the case meanwhile. It has been loaded again: check it and try once more.</source>
        <translation>En anden har ændret sagen imens. Den er indlæst igen: kontrollér den, og prøv igen.</translation>
    </message>
    <message>
        <source>Opened {opened}, closed {closed}</source>
        <translation>Oprettet {opened}, afsluttet {closed}</translation>
    </message>
    <message>
        <source>Opened {opened}</source>
        <translation>Oprettet {opened}</translation>
    </message>
</context>
<context>
    <name>RelativeDialog</name>
    <message>
        <source>Edit person</source>
        <translation>Ret person</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Tilføj person</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Relation:</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
</context>
<context>
    <name>RelativesPanel</name>
    <message>
        <source>Relatives and network</source>
        <translation>Pårørende og netværk</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Tilføj…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Fjern person</translation>
    </message>
    <message>
        <source>Remove {name} from the citizen's network?</source>
        <translation>Fjern {name} fra borgerens netværk?</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Fjerner…</translation>
    </message>
</context>
<context>
    <name>FirstListPage</name>
    <message numerus="yes">
        <source>%n citizen(s)</source>
        <translation>
            <numerusform>%n borger</numerusform>
            <numerusform>%n borgere</numerusform>
        </translation>
    </message>
    <message>
        <source>New citizen (Ctrl+N)</source>
        <translation>Ny borger (Ctrl+N)</translation>
    </message>
</context>
</TS>
