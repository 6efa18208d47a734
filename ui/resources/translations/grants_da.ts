<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>EndGrantDialog</name>
    <message>
        <source>End grant</source>
        <translation>Afslut bevilling</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Slutdato</translation>
    </message>
    <message>
        <source>Last day of the grant:</source>
        <translation>Bevillingens sidste dag:</translation>
    </message>
    <message>
        <source>(ongoing)</source>
        <translation>(løbende)</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>No deadline</source>
        <translation>Ingen frist</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <source>Not reached after:</source>
        <translation>Ikke nået efter:</translation>
    </message>
    <message>
        <source>Not reached after</source>
        <translation>Ikke nået efter</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Formål:</translation>
    </message>
    <message>
        <source>Authority's goals:</source>
        <translation>Myndighedens mål:</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Authority's goals</source>
        <translation>Myndighedens mål</translation>
    </message>
    <message>
        <source>Edit grant</source>
        <translation>Ret bevilling</translation>
    </message>
    <message>
        <source>New grant</source>
        <translation>Ny bevilling</translation>
    </message>
    <message>
        <source>(no course type)</source>
        <translation>(ingen forløbstype)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Phone or e-mail</source>
        <translation>Telefon eller e-mail</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Startdato</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slutdato</translation>
    </message>
    <message>
        <source>dd-mm-yyyy (empty: ongoing)</source>
        <translation>dd-mm-åååå (tom: løbende)</translation>
    </message>
    <message>
        <source>Discharge</source>
        <translation>Udskrivningsdato</translation>
    </message>
    <message>
        <source>Course type:</source>
        <translation>Forløbstype:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Lovgrundlag:</translation>
    </message>
    <message>
        <source>Ordering authority:</source>
        <translation>Bestillende myndighed:</translation>
    </message>
    <message>
        <source>Caseworker:</source>
        <translation>Sagsbehandler:</translation>
    </message>
    <message>
        <source>Caseworker contact:</source>
        <translation>Sagsbehandlers telefon/e-mail:</translation>
    </message>
    <message>
        <source>Start date:</source>
        <translation>Startdato:</translation>
    </message>
    <message>
        <source>End date:</source>
        <translation>Slutdato:</translation>
    </message>
    <message>
        <source>Discharge from psychiatry:</source>
        <translation>Udskrevet fra psykiatrien:</translation>
    </message>
    <message>
        <source>Weekly hours:</source>
        <translation>Timer pr. uge:</translation>
    </message>
    <message>
        <source>Price:</source>
        <translation>Pris:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Choose a legal basis.</source>
        <translation>Vælg et lovgrundlag.</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Lovgrundlag</translation>
    </message>
    <message>
        <source>Course type</source>
        <translation>Forløbstype</translation>
    </message>
    <message>
        <source>Ordering authority</source>
        <translation>Bestillende myndighed</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Caseworker contact</source>
        <translation>Sagsbehandlers telefon/e-mail</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdato</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Slutdato</translation>
    </message>
    <message>
        <source>Discharge from psychiatry</source>
        <translation>Udskrevet fra psykiatrien</translation>
    </message>
    <message>
        <source>Weekly hours, minimum</source>
        <translation>Timer pr. uge, mindst</translation>
    </message>
    <message>
        <source>Weekly hours, maximum</source>
        <translation>Timer pr. uge, højst</translation>
    </message>
    <message>
        <source>Price model</source>
        <translation>Prismodel</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
</context>
<context>
    <name>GrantsTab</name>
    <message>
        <source>Legal basis</source>
        <translation>Lovgrundlag</translation>
    </message>
    <message>
        <source>Course type</source>
        <translation>Forløbstype</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Weekly hours</source>
        <translation>Timer pr. uge</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Myndighed</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>New grant (Ctrl+N)</source>
        <translation>Ny bevilling (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit (Enter)</source>
        <translation>Ret (Enter)</translation>
    </message>
    <message>
        <source>End grant…</source>
        <translation>Afslut bevilling…</translation>
    </message>
    <message>
        <source>No grants registered yet.</source>
        <translation>Der er endnu ikke registreret nogen bevillinger.</translation>
    </message>
    <message>
        <source>Loading grants…</source>
        <translation>Henter bevillinger…</translation>
    </message>
</context>
<context>
    <name>PriceInput</name>
    <message>
        <source>Agreed case by case</source>
        <translation>Aftales fra sag til sag</translation>
    </message>
    <message>
        <source>e.g. 1.234,50</source>
        <translation>fx 1.234,50</translation>
    </message>
    <message>
        <source>kr.</source>
        <translation>kr.</translation>
    </message>
    <message>
        <source>no hour limit</source>
        <translation>intet timeloft</translation>
    </message>
    <message>
        <source>up to </source>
        <translation>op til </translation>
    </message>
    <message>
        <source> h/week</source>
        <translation> t/uge</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this record while you were editing. Your text is still in the form.</source>
        <translation>Ikke gemt: en anden har ændret oplysningerne, mens du redigerede. Din tekst står stadig i formularen.</translation>
    </message>
</context>
<context>
    <name>WeeklyHoursInput</name>
    <message>
        <source>Not set</source>
        <translation>Ikke angivet</translation>
    </message>
    <message>
        <source>Band (from–to)</source>
        <translation>Interval (fra–til)</translation>
    </message>
    <message>
        <source>Minimum (from)</source>
        <translation>Minimum (fra)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> t</translation>
    </message>
</context>
</TS>
