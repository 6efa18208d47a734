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
        <source>Amount</source>
        <translation>Beløb</translation>
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
        <source>Delivered = attended contacts in the log. Planned = booked appointments from today on. Under/over compares delivered hours with the grant's band or minimum.</source>
        <translation>Leveret = kontakter med fremmøde i kontaktloggen. Planlagt = bookede aftaler fra i dag. Under/over sammenligner leverede timer med bevillingens timeinterval eller minimum.</translation>
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
</context>
</TS>
