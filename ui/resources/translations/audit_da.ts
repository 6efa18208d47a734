<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AuditPage</name>
    <message>
        <source>Access log</source>
        <translation>Adgangslog</translation>
    </message>
    <message>
        <source>Access and deletion</source>
        <translation>Indsigt og sletning</translation>
    </message>
    <message>
        <source>Only coordinators and administrators can see the access log. Every time you read, change, print or export a citizen's data, it is logged here.</source>
        <translation>Kun koordinatorer og administratorer kan se adgangsloggen. Hver gang du læser, ændrer, udskriver eller eksporterer en borgers oplysninger, bliver det logget her.</translation>
    </message>
</context>
<context>
    <name>LogViewer</name>
    <message>
        <source>Citizen number</source>
        <translation>Borgernummer</translation>
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
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Show more</source>
        <translation>Vis flere</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportér…</translation>
    </message>
    <message>
        <source>Citizen no.</source>
        <translation>Borger nr.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>All users</source>
        <translation>Alle brugere</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle handlinger</translation>
    </message>
    <message>
        <source>Export the access log</source>
        <translation>Eksportér adgangsloggen</translation>
    </message>
    <message>
        <source>Workbook (*.xlsx);;Text (*.csv)</source>
        <translation>Regneark (*.xlsx);;Tekst (*.csv)</translation>
    </message>
    <message>
        <source>Loading the log…</source>
        <translation>Henter loggen…</translation>
    </message>
    <message>
        <source>The citizen number must be a whole number.</source>
        <translation>Borgernummeret skal være et helt tal.</translation>
    </message>
    <message>
        <source>Searching the log…</source>
        <translation>Søger i loggen…</translation>
    </message>
    <message>
        <source>Exporting the log…</source>
        <translation>Eksporterer loggen…</translation>
    </message>
    <message>
        <source>{shown} of {total} events</source>
        <translation>{shown} af {total} hændelser</translation>
    </message>
    <message>
        <source>{count} events exported to {name}</source>
        <translation>{count} hændelser eksporteret til {name}</translation>
    </message>
</context>
<context>
    <name>LogActions</name>
    <message>
        <source>Monthly review…</source>
        <translation>Månedlig logkontrol…</translation>
    </message>
    <message>
        <source>Delete old events…</source>
        <translation>Slet gamle hændelser…</translation>
    </message>
    <message>
        <source>Monthly review</source>
        <translation>Månedlig logkontrol</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Save the review</source>
        <translation>Gem logkontrollen</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Delete old events</source>
        <translation>Slet gamle hændelser</translation>
    </message>
    <message>
        <source>Events older than the retention period (at least six months) are deleted for good. The remaining log stays verifiable. Continue?</source>
        <translation>Hændelser, der er ældre end opbevaringstiden (mindst seks måneder), slettes endeligt. Resten af loggen kan stadig kontrolleres. Vil du fortsætte?</translation>
    </message>
    <message>
        <source>Access log</source>
        <translation>Adgangslog</translation>
    </message>
    <message>
        <source>Making the review…</source>
        <translation>Laver logkontrollen…</translation>
    </message>
    <message>
        <source>Deleting old events…</source>
        <translation>Sletter gamle hændelser…</translation>
    </message>
    <message>
        <source>Review saved to {name}: {outside} look-ups outside the caseload, {reveals} CPR reveals, {exports} exports.</source>
        <translation>Logkontrollen er gemt i {name}: {outside} opslag uden for egen sagsstamme, {reveals} CPR-visninger, {exports} eksporter.</translation>
    </message>
    <message>
        <source>{removed} events from before {cutoff} deleted; {kept} remain.</source>
        <translation>{removed} hændelser fra før {cutoff} er slettet; {kept} er tilbage.</translation>
    </message>
</context>
</TS>
