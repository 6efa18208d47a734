<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>_TextChoice</name>
    <message>
        <source>Use mine</source>
        <translation>Brug min</translation>
    </message>
    <message>
        <source>Use theirs</source>
        <translation>Brug deres</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Behold begge</translation>
    </message>
    <message>
        <source>Saved by someone else</source>
        <translation>Gemt af en anden</translation>
    </message>
    <message>
        <source>Your version</source>
        <translation>Din version</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Gem som:</translation>
    </message>
</context>
<context>
    <name>_ValueChoice</name>
    <message>
        <source>Saved by someone else: {value}</source>
        <translation>Gemt af en anden: {value}</translation>
    </message>
    <message>
        <source>Your version: {value}</source>
        <translation>Din version: {value}</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else saved first</source>
        <translation>Nogen andre gemte først</translation>
    </message>
    <message>
        <source>Another user saved changes to the same fields while you were editing. Nothing has been lost: choose what to save.</source>
        <translation>En anden bruger har gemt ændringer i de samme felter, mens du redigerede. Intet er gået tabt: vælg hvad der skal gemmes.</translation>
    </message>
</context>
<context>
    <name>DanishDateEdit</name>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-åååå</translation>
    </message>
    <message>
        <source>{field}: please fill in the date.</source>
        <translation>{field}: udfyld datoen.</translation>
    </message>
</context>
<context>
    <name>CitizenPicker</name>
    <message>
        <source>Search citizens…</source>
        <translation>Søg borger…</translation>
    </message>
    <message>
        <source>&amp;Citizen:</source>
        <translation>&amp;Borger:</translation>
    </message>
    <message>
        <source>Loading citizens…</source>
        <translation>Henter borgere…</translation>
    </message>
</context>
<context>
    <name>NewPassphraseFields</name>
    <message>
        <source>Repeat passphrase:</source>
        <translation>Gentag adgangskoden:</translation>
    </message>
    <message>
        <source>The passphrase is strong enough.</source>
        <translation>Adgangskoden er stærk nok.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>De to adgangskoder er ikke ens.</translation>
    </message>
</context>
<context>
    <name>RecordListPanel</name>
    <message>
        <source>Loading…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Fjerner…</translation>
    </message>
</context>
<context>
    <name>LoadingBar</name>
    <message>
        <source>Loading…</source>
        <translation>Henter…</translation>
    </message>
</context>
<context>
    <name>CitizenCombo</name>
    <message>
        <source>Type a name, alias or initials…</source>
        <translation>Skriv navn, alias eller initialer…</translation>
    </message>
</context>
</TS>
