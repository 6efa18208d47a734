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
    <message>
        <source>Hours plan…</source>
        <translation>Timeplan…</translation>
    </message>
    <message>
        <source>Practice hours…</source>
        <translation>Praktiktimer…</translation>
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
<context>
    <name>HoursPlanDialog</name>
    <message>
        <source>Hours plan</source>
        <translation>Timeplan</translation>
    </message>
    <message>
        <source>Each step applies from the week holding its date (or from a week number) until the next step. Before the first step the grant's weekly hours apply: %1.</source>
        <translation>Hvert trin gælder fra ugen med dets dato (eller fra et ugenummer) til næste trin. Før første trin gælder bevillingens timetal: %1.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>intet</translation>
    </message>
    <message>
        <source>From (date or week)</source>
        <translation>Fra (dato eller uge)</translation>
    </message>
    <message>
        <source>Min. hours/week</source>
        <translation>Mindst timer/uge</translation>
    </message>
    <message>
        <source>Max. hours/week (empty: no limit)</source>
        <translation>Højst timer/uge (tom: ingen grænse)</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>&amp;Tilføj trin</translation>
    </message>
    <message>
        <source>&amp;Remove step</source>
        <translation>&amp;Fjern trin</translation>
    </message>
    <message>
        <source>Step %1: </source>
        <translation>Trin %1: </translation>
    </message>
    <message>
        <source>Enter the minimum hours a week.</source>
        <translation>Angiv det mindste timetal pr. uge.</translation>
    </message>
</context>
<context>
    <name>PracticeHoursDialog</name>
    <message>
        <source>The hours the citizen was in practice each week. Empty: not logged.</source>
        <translation>De timer, borgeren var i praktik, uge for uge. Tom: ikke registreret.</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <source>Practice hours</source>
        <translation>Praktiktimer</translation>
    </message>
    <message>
        <source>The grant has not started yet.</source>
        <translation>Bevillingen er ikke begyndt endnu.</translation>
    </message>
</context>
<context>
    <name>GrantBillingFields</name>
    <message>
        <source>The authority's number, printed on the billing basis</source>
        <translation>Myndighedens nummer, trykkes på afregningsgrundlaget</translation>
    </message>
    <message>
        <source>Grant/case number:</source>
        <translation>Bevillings-/sagsnummer:</translation>
    </message>
    <message>
        <source>Grant/case number</source>
        <translation>Bevillings-/sagsnummer</translation>
    </message>
</context>
</TS>
