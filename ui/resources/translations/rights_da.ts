<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AccessExport</name>
    <message>
        <source>Save the access package</source>
        <translation>Gem indsigtspakken</translation>
    </message>
    <message>
        <source>Zip file (*.zip)</source>
        <translation>Zip-fil (*.zip)</translation>
    </message>
    <message>
        <source>Building the access package…</source>
        <translation>Laver indsigtspakken…</translation>
    </message>
    <message>
        <source>Access package saved to {name} ({files} files).</source>
        <translation>Indsigtspakken er gemt i {name} ({files} filer).</translation>
    </message>
</context>
<context>
    <name>DeleteDialog</name>
    <message>
        <source>Delete case</source>
        <translation>Slet sag</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Slet endeligt</translation>
    </message>
    <message>
        <source>Type the citizen's name to confirm:</source>
        <translation>Skriv borgerens navn for at bekræfte:</translation>
    </message>
    <message>
        <source>All data about {name} (case closed {closed}) is deleted for good: plan, contacts, economy, reports and history. Only a note that a case was deleted stays in the log. This cannot be undone.</source>
        <translation>Alle oplysninger om {name} (sagen afsluttet {closed}) slettes endeligt: handleplan, kontakter, økonomi, rapporter og historik. Kun en note om, at en sag er slettet, bliver i loggen. Det kan ikke fortrydes.</translation>
    </message>
</context>
<context>
    <name>RightsPanel</name>
    <message>
        <source>Export access package…</source>
        <translation>Eksportér indsigtspakke…</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Delete case…</source>
        <translation>Slet sag…</translation>
    </message>
    <message>
        <source>Right of access</source>
        <translation>Indsigtsret</translation>
    </message>
    <message>
        <source>Closed cases to delete</source>
        <translation>Afsluttede sager til sletning</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Closed cases are kept for</source>
        <translation>Afsluttede sager gemmes i</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>To be deleted since</source>
        <translation>Skulle slettes fra</translation>
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
        <source>Deleting the case…</source>
        <translation>Sletter sagen…</translation>
    </message>
    <message>
        <source>{count} closed cases are past the retention period.</source>
        <translation>{count} afsluttede sager har passeret opbevaringstiden.</translation>
    </message>
    <message>
        <source>The case was deleted ({rows} rows) on {day}.</source>
        <translation>Sagen blev slettet ({rows} rækker) den {day}.</translation>
    </message>
</context>
<context>
    <name>RightsTab</name>
    <message>
        <source>Export access package…</source>
        <translation>Eksportér indsigtspakke…</translation>
    </message>
    <message>
        <source>The citizen has the right to see everything registered about them: the access package holds a readable summary, all data as JSON and a workbook, approved reports, economy workbooks and the access log (roles, not staff names).</source>
        <translation>Borgeren har ret til at se alt, der er registreret om vedkommende: indsigtspakken indeholder en læsevenlig oversigt, alle oplysninger som JSON og regneark, godkendte rapporter, økonomiske overblik og adgangsloggen (roller, ikke medarbejdernavne).</translation>
    </message>
    <message>
        <source>Only a coordinator or an administrator can export the access package.</source>
        <translation>Kun en koordinator eller en administrator kan eksportere indsigtspakken.</translation>
    </message>
</context>
</TS>
