<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>BillingDialog</name>
    <message>
        <source>Billing basis</source>
        <translation>Afregningsgrundlag</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>Grant period</source>
        <translation>Bevillingsperiode</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Mængde</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Pris</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Gem som Excel…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Gem som PDF…</translation>
    </message>
    <message>
        <source>Authority:</source>
        <translation>Myndighed:</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Måned:</translation>
    </message>
    <message>
        <source>Loading authorities…</source>
        <translation>Henter myndigheder…</translation>
    </message>
    <message>
        <source>Computing the billing basis…</source>
        <translation>Beregner afregningsgrundlaget…</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>I alt: {amount}</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n linje</numerusform>
            <numerusform>%n linjer</numerusform>
        </translation>
    </message>
    <message>
        <source>Save billing basis as</source>
        <translation>Gem afregningsgrundlag som</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-projektmapper (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <source>Grant/case number</source>
        <translation>Bevillings-/sagsnr.</translation>
    </message>
    <message>
        <source>Travel / indirect</source>
        <translation>Kørsel / indirekte</translation>
    </message>
    <message>
        <source>Over the grant</source>
        <translation>Over bevilling</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <source>Amount excl. VAT</source>
        <translation>Beløb ekskl. moms</translation>
    </message>
    <message>
        <source>EAN number: {ean}</source>
        <translation>EAN-nummer: {ean}</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>ikke angivet</translation>
    </message>
    <message>
        <source>Over the grant — needs approval: {hours} above the weekly maximum, not in the amount.</source>
        <translation>Over bevilling — kræver godkendelse: {hours} ud over det ugentlige maksimum, ikke med i beløbet.</translation>
    </message>
    <message>
        <source>VAT {vat} · incl. VAT {total}</source>
        <translation>Moms {vat} · inkl. moms {total}</translation>
    </message>
</context>
<context>
    <name>HoursColumns</name>
    <message>
        <source>Under ({missing} missing)</source>
        <translation>Under (mangler {missing})</translation>
    </message>
    <message>
        <source>Over ({extra} too many)</source>
        <translation>Over ({extra} for meget)</translation>
    </message>
    <message>
        <source>On track</source>
        <translation>På vej</translation>
    </message>
    <message>
        <source>Within the grant</source>
        <translation>Inden for bevilling</translation>
    </message>
    <message>
        <source>No grant</source>
        <translation>Ingen bevilling</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Bevilget</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Leveret</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapacitet</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Ledig</translation>
    </message>
    <message>
        <source>Weeks</source>
        <translation>Uger</translation>
    </message>
    <message>
        <source>Weeks under</source>
        <translation>Uger under</translation>
    </message>
    <message>
        <source>Weeks over</source>
        <translation>Uger over</translation>
    </message>
</context>
<context>
    <name>HoursPage</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Forrige uge</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Næste uge ▶</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Denne uge</translation>
    </message>
    <message>
        <source>e.g. 2026-W48</source>
        <translation>fx 2026-W48</translation>
    </message>
    <message>
        <source>Type an ISO week (2026-W48) and press Enter</source>
        <translation>Skriv en uge (2026-W48 eller blot 48) og tryk Enter</translation>
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
        <source>Show period</source>
        <translation>Vis periode</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periode:</translation>
    </message>
    <message>
        <source>Citizens this week</source>
        <translation>Borgere i ugen</translation>
    </message>
    <message>
        <source>Mentors this week</source>
        <translation>Mentorer i ugen</translation>
    </message>
    <message>
        <source>Month / period totals</source>
        <translation>Måned / periode i alt</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Eksportér til Excel…</translation>
    </message>
    <message>
        <source>The chosen period, week by week, as xlsx</source>
        <translation>Den valgte periode, uge for uge, som xlsx</translation>
    </message>
    <message>
        <source>Billing basis…</source>
        <translation>Afregningsgrundlag…</translation>
    </message>
    <message>
        <source>Go to week:</source>
        <translation>Gå til uge:</translation>
    </message>
    <message>
        <source>Week {week}, {year} · {first} – {last}</source>
        <translation>Uge {week}, {year} · {first} – {last}</translation>
    </message>
    <message>
        <source>Counting hours…</source>
        <translation>Tæller timer…</translation>
    </message>
    <message>
        <source>{citizens} citizens · {delivered} delivered · {under} under the grant</source>
        <translation>{citizens} borgere · {delivered} leveret · {under} under bevillingen</translation>
    </message>
    <message>
        <source>Save weekly hours as</source>
        <translation>Gem timeoverblik som</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel-projektmapper (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
    <message>
        <source>Delivered = attended face-to-face time in the log (travel and indirect time are shown apart). Planned = booked appointments from today on. Under/over compares delivered hours with the grant's band or minimum.</source>
        <translation>Leveret = ansigt-til-ansigt-tid med fremmøde i kontaktloggen (kørsel og indirekte tid vises for sig). Planlagt = bookede aftaler fra i dag. Under/over sammenligner leverede timer med bevillingens timeinterval eller minimum.</translation>
    </message>
    <message>
        <source>Travel and indirect time</source>
        <translation>Kørsel og indirekte tid</translation>
    </message>
    <message>
        <source>Anonymous contacts</source>
        <translation>Anonyme kontakter</translation>
    </message>
</context>
<context>
    <name>AroundTabs</name>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Travel time</source>
        <translation>Kørselstid</translation>
    </message>
    <message>
        <source>Km</source>
        <translation>Km</translation>
    </message>
    <message>
        <source>Indirect time</source>
        <translation>Indirekte tid</translation>
    </message>
    <message>
        <source>Anonymous contacts</source>
        <translation>Anonyme kontakter</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Kontaktformer</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Pr. uge</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Pr. måned</translation>
    </message>
    <message>
        <source>Listed:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>Contacts with people who are not registered as citizens (§99 outreach): counted for the team's statistics, never named.</source>
        <translation>Kontakter med personer, der ikke er registreret som borgere (opsøgende §99): tælles til teamets statistik og navngives aldrig.</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Tæller…</translation>
    </message>
    <message>
        <source>{first} – {last} (the period of "Month / period totals")</source>
        <translation>{first} – {last} (perioden under "Måned / periode i alt")</translation>
    </message>
</context>
<context>
    <name>AnonymousCounter</name>
    <message numerus="yes">
        <source>%n anonymous contact(s) that day</source>
        <translation>
            <numerusform>%n anonym kontakt den dag</numerusform>
            <numerusform>%n anonyme kontakter den dag</numerusform>
        </translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>(form not given)</source>
        <translation>(kontaktform ikke angivet)</translation>
    </message>
    <message>
        <source>Anonymous contact +1</source>
        <translation>Anonym kontakt +1</translation>
    </message>
    <message>
        <source>−1</source>
        <translation>−1</translation>
    </message>
    <message>
        <source>Take a miscount back</source>
        <translation>Træk en fejltælling fra</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Tæller…</translation>
    </message>
</context>
</TS>
