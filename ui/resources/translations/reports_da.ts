<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>BatchPanel</name>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>All ordering authorities</source>
        <translation>Alle myndigheder</translation>
    </message>
    <message>
        <source>All mentors</source>
        <translation>Alle mentorer</translation>
    </message>
    <message>
        <source>One PDF per citizen in a folder</source>
        <translation>Én PDF pr. borger i en mappe</translation>
    </message>
    <message>
        <source>One combined PDF</source>
        <translation>Én samlet PDF</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>Create reports</source>
        <translation>Dan rapporter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Ordering authority</source>
        <translation>Myndighed</translation>
    </message>
    <message>
        <source>Primary mentor</source>
        <translation>Primær mentor</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Folder or file</source>
        <translation>Mappe eller fil</translation>
    </message>
    <message>
        <source>Citizens that could not be reported</source>
        <translation>Borgere, der ikke kunne dannes rapport for</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Save combined PDF</source>
        <translation>Gem samlet PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Choose folder</source>
        <translation>Vælg mappe</translation>
    </message>
    <message>
        <source>Choose where to save the reports.</source>
        <translation>Vælg, hvor rapporterne skal gemmes.</translation>
    </message>
    <message>
        <source>Creating reports…</source>
        <translation>Danner rapporter…</translation>
    </message>
    <message>
        <source>{done} of {total} · about {seconds} s left · {name}</source>
        <translation>{done} af {total} · ca. {seconds} s tilbage · {name}</translation>
    </message>
    <message>
        <source>{done} of {total}</source>
        <translation>{done} af {total}</translation>
    </message>
    <message>
        <source>Cancelled: {count} of {total} reports were created.</source>
        <translation>Afbrudt: {count} af {total} rapporter blev dannet.</translation>
    </message>
    <message>
        <source>Done: {count} of {total} reports were created.</source>
        <translation>Færdig: {count} af {total} rapporter blev dannet.</translation>
    </message>
</context>
<context>
    <name>ReportEditor</name>
    <message>
        <source>{grant} (not in the period)</source>
        <translation>{grant} (ikke i perioden)</translation>
    </message>
    <message>
        <source>Recommended until</source>
        <translation>Anbefalet til og med</translation>
    </message>
    <message>
        <source>Reasons for deviations</source>
        <translation>Begrundelse for afvigelser</translation>
    </message>
    <message>
        <source>Recommended weekly hours</source>
        <translation>Anbefalede timer pr. uge</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Bevilling</translation>
    </message>
    <message>
        <source>Include goals not linked to a grant</source>
        <translation>Medtag indsatsmål uden bevilling</translation>
    </message>
    <message>
        <source>Goals without a grant may belong to another authority's support. Include them only when the recipient may see them; the report says they are included.</source>
        <translation>Indsatsmål uden bevilling kan høre til en anden myndigheds indsats. Medtag dem kun, når modtageren må se dem; rapporten skriver, at de er medtaget.</translation>
    </message>
    <message>
        <source>New report</source>
        <translation>Ny rapport</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
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
        <source>(not chosen)</source>
        <translation>(ikke valgt)</translation>
    </message>
    <message>
        <source>The ordering authority (no consent needed)</source>
        <translation>Myndigheden (kræver ikke samtykke)</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mentor's assessment</source>
        <translation>Mentorens vurdering</translation>
    </message>
    <message>
        <source>Citizen's own view</source>
        <translation>Borgerens egen vurdering</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Næste skridt</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Anbefaling</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>Deles med</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Gem kladde</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Forhåndsvis</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkend</translation>
    </message>
    <message>
        <source>Send back…</source>
        <translation>Send retur…</translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation>Markér som sendt</translation>
    </message>
    <message>
        <source>Print / open…</source>
        <translation>Udskriv / åbn…</translation>
    </message>
    <message>
        <source>Loading citizens…</source>
        <translation>Henter borgere…</translation>
    </message>
    <message>
        <source>Loading reports…</source>
        <translation>Henter rapporter…</translation>
    </message>
    <message>
        <source>Sent back: {comment}</source>
        <translation>Sendt retur: {comment}</translation>
    </message>
    <message>
        <source>No report chosen</source>
        <translation>Ingen rapport valgt</translation>
    </message>
    <message>
        <source>Sent {date} to {recipient}</source>
        <translation>Sendt {date} til {recipient}</translation>
    </message>
    <message>
        <source>Approved by {name} – locked</source>
        <translation>Godkendt af {name} – låst</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Kladde</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Perioden slutter, før den begynder.</translation>
    </message>
    <message>
        <source>Creating report…</source>
        <translation>Opretter rapport…</translation>
    </message>
    <message>
        <source>Saving report…</source>
        <translation>Gemmer rapport…</translation>
    </message>
    <message>
        <source>Approving and locking the report…</source>
        <translation>Godkender og låser rapporten…</translation>
    </message>
    <message>
        <source>Approve the report? After approval it is locked: the texts can no longer be changed, and the PDF is frozen as it looks now, so every later print is exactly that PDF.</source>
        <translation>Godkend rapporten? Efter godkendelsen er rapporten låst: teksterne kan ikke længere ændres, og PDF'en fryses, som den ser ud nu, så alle senere udskrifter er præcis den PDF.</translation>
    </message>
    <message>
        <source>Approve and lock</source>
        <translation>Godkend og lås</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Send back</source>
        <translation>Send retur</translation>
    </message>
    <message>
        <source>Comment to the mentor:</source>
        <translation>Kommentar til mentoren:</translation>
    </message>
    <message>
        <source>Sending back…</source>
        <translation>Sender retur…</translation>
    </message>
    <message>
        <source>Recording sending…</source>
        <translation>Registrerer afsendelse…</translation>
    </message>
    <message>
        <source>Building the report…</source>
        <translation>Danner rapporten…</translation>
    </message>
    <message>
        <source>Recording the print…</source>
        <translation>Registrerer udskriften…</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <source>Preview: {title}</source>
        <translation>Forhåndsvisning: {title}</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n side</numerusform>
            <numerusform>%n sider</numerusform>
        </translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Udskriv…</translation>
    </message>
    <message>
        <source>Open in PDF viewer</source>
        <translation>Åbn i PDF-fremviser</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Progression report</source>
        <translation>Progressionsrapport</translation>
    </message>
    <message>
        <source>Print many</source>
        <translation>Udskriv mange</translation>
    </message>
</context>
</TS>
