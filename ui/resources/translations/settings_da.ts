<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AuthorityDialog</name>
    <message>
        <source>Edit authority</source>
        <translation>Ret myndighed</translation>
    </message>
    <message>
        <source>New authority</source>
        <translation>Ny myndighed</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
</context>
<context>
    <name>CatalogueTab</name>
    <message>
        <source>Remove {name}? If grants use it, it is kept so they keep their meaning: legal bases and course types are deactivated instead.</source>
        <translation>Fjern {name}? Bruges den på bevillinger, bevares den, så bevillingerne fortsat giver mening: lovgrundlag og forløbstyper deaktiveres i stedet.</translation>
    </message>
    <message>
        <source>{name} is in use and was deactivated instead of deleted.</source>
        <translation>{name} er i brug og er derfor deaktiveret i stedet for slettet.</translation>
    </message>
    <message>
        <source>{name} was deleted.</source>
        <translation>{name} er slettet.</translation>
    </message>
    <message>
        <source>New (Ctrl+N)</source>
        <translation>Ny (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit (Enter)</source>
        <translation>Ret (Enter)</translation>
    </message>
    <message>
        <source>Remove (Delete)</source>
        <translation>Fjern (Delete)</translation>
    </message>
</context>
<context>
    <name>CourseTypeDialog</name>
    <message>
        <source>Edit course type</source>
        <translation>Ret forløbstype</translation>
    </message>
    <message>
        <source>New course type</source>
        <translation>Ny forløbstype</translation>
    </message>
    <message>
        <source>e.g. Mentor support - For citizens with …</source>
        <translation>fx Mentorstøtte - For borgere med …</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(intet)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>ikke angivet</translation>
    </message>
    <message>
        <source> weeks</source>
        <translation> uger</translation>
    </message>
    <message>
        <source>Fixed length (exactly, not "from")</source>
        <translation>Fast varighed (præcis, ikke "fra")</translation>
    </message>
    <message>
        <source>e.g. social worker, psychologist, volunteers</source>
        <translation>fx socialrådgiver, psykolog, frivillige</translation>
    </message>
    <message>
        <source>Active (offered for new grants)</source>
        <translation>Aktiv (kan vælges til nye bevillinger)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Legal basis:</source>
        <translation>Lovgrundlag:</translation>
    </message>
    <message>
        <source>Minimum period:</source>
        <translation>Mindste varighed:</translation>
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
        <source>Roles:</source>
        <translation>Roller:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Beskrivelse:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Lovgrundlag</translation>
    </message>
    <message>
        <source>Minimum period</source>
        <translation>Mindste varighed</translation>
    </message>
    <message>
        <source>Fixed length</source>
        <translation>Fast varighed</translation>
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
        <source>Hours covered by the weekly price</source>
        <translation>Timer dækket af ugeprisen</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Subject to VAT (25 %) on the billing basis</source>
        <translation>Momspligtig (25 %) på afregningsgrundlaget</translation>
    </message>
    <message>
        <source>Subject to VAT</source>
        <translation>Momspligtig</translation>
    </message>
</context>
<context>
    <name>LegalBasisDialog</name>
    <message>
        <source>Edit legal basis</source>
        <translation>Ret lovgrundlag</translation>
    </message>
    <message>
        <source>New legal basis</source>
        <translation>Nyt lovgrundlag</translation>
    </message>
    <message>
        <source>e.g. SEL §85</source>
        <translation>fx SEL §85</translation>
    </message>
    <message>
        <source>Anonymous citizens allowed (alias, no CPR)</source>
        <translation>Anonyme borgere tilladt (alias, intet CPR-nummer)</translation>
    </message>
    <message>
        <source>Requires an assessment (visitation)</source>
        <translation>Kræver udredning (visitation)</translation>
    </message>
    <message>
        <source>Active (offered for new grants)</source>
        <translation>Aktivt (kan vælges til nye bevillinger)</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Kode:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Anonymous citizens allowed</source>
        <translation>Anonyme borgere tilladt</translation>
    </message>
    <message>
        <source>Requires an assessment</source>
        <translation>Kræver udredning</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktivt</translation>
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
    <name>SettingsPage</name>
    <message>
        <source>Report logo</source>
        <translation>Logo til rapporter</translation>
    </message>
    <message>
        <source>Only an administrator can change the catalogues. You can read them here.</source>
        <translation>Kun en administrator kan ændre katalogerne. Her kan du læse dem.</translation>
    </message>
    <message>
        <source>Legal bases</source>
        <translation>Lovgrundlag</translation>
    </message>
    <message>
        <source>Course types</source>
        <translation>Forløbstyper</translation>
    </message>
    <message>
        <source>Authorities</source>
        <translation>Myndigheder</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Anonymity allowed</source>
        <translation>Anonymitet tilladt</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Udredning</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Lovgrundlag</translation>
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
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Loading the catalogues…</source>
        <translation>Henter katalogerne…</translation>
    </message>
    <message>
        <source>Remove {name}? If grants use it, it is kept so they keep their meaning: legal bases and course types are deactivated instead.</source>
        <translation>Fjern {name}? Bruges den på bevillinger, bevares den, så bevillingerne fortsat giver mening: lovgrundlag og forløbstyper deaktiveres i stedet.</translation>
    </message>
    <message>
        <source>Removing…</source>
        <translation>Fjerner…</translation>
    </message>
    <message>
        <source>{name} is in use and was deactivated instead of deleted.</source>
        <translation>{name} er i brug og er derfor deaktiveret i stedet for slettet.</translation>
    </message>
    <message>
        <source>{name} was deleted.</source>
        <translation>{name} er slettet.</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>Moms</translation>
    </message>
    <message>
        <source>EAN</source>
        <translation>EAN</translation>
    </message>
    <message>
        <source>Billed besides face-to-face</source>
        <translation>Faktureres ud over ansigt-til-ansigt</translation>
    </message>
</context>
<context>
    <name>LogoTab</name>
    <message>
        <source>The logo is printed at the top of every progression report. PNG or JPEG, at most 1 MB and {side} × {side} pixels.</source>
        <translation>Logoet trykkes øverst på alle progressionsrapporter. PNG eller JPEG, højst 1 MB og {side} × {side} pixel.</translation>
    </message>
    <message>
        <source>No logo chosen.</source>
        <translation>Der er ikke valgt et logo.</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Vælg billede…</translation>
    </message>
    <message>
        <source>Remove logo</source>
        <translation>Fjern logo</translation>
    </message>
    <message>
        <source>Loading the logo…</source>
        <translation>Henter logoet…</translation>
    </message>
    <message>
        <source>Choose logo</source>
        <translation>Vælg logo</translation>
    </message>
    <message>
        <source>Saving the logo…</source>
        <translation>Gemmer logoet…</translation>
    </message>
    <message>
        <source>Remove the logo from the reports?</source>
        <translation>Vil du fjerne logoet fra rapporterne?</translation>
    </message>
    <message>
        <source>Removing the logo…</source>
        <translation>Fjerner logoet…</translation>
    </message>
    <message>
        <source>The logo is saved ({width} × {height} pixels).</source>
        <translation>Logoet er gemt ({width} × {height} pixel).</translation>
    </message>
    <message>
        <source>The logo is removed.</source>
        <translation>Logoet er fjernet.</translation>
    </message>
</context>
<context>
    <name>AgreementFields</name>
    <message>
        <source>Bill travel time</source>
        <translation>Fakturér kørselstid</translation>
    </message>
    <message>
        <source>e.g. 3,79 (empty: km are not paid)</source>
        <translation>fx 3,79 (tom: kørte km betales ikke)</translation>
    </message>
    <message>
        <source>Bill indirect time (preparation, documentation, coordination)</source>
        <translation>Fakturér indirekte tid (forberedelse, dokumentation, koordinering)</translation>
    </message>
    <message>
        <source>13 digits, e.g. 5798000000001</source>
        <translation>13 cifre, fx 5798000000001</translation>
    </message>
    <message>
        <source>Billing agreement</source>
        <translation>Afregningsaftale</translation>
    </message>
    <message>
        <source>Km rate (kr./km):</source>
        <translation>Kilometertakst (kr./km):</translation>
    </message>
    <message>
        <source>EAN number:</source>
        <translation>EAN-nummer:</translation>
    </message>
    <message>
        <source>Km rate</source>
        <translation>Kilometertakst</translation>
    </message>
    <message>
        <source>Bill indirect time</source>
        <translation>Fakturér indirekte tid</translation>
    </message>
    <message>
        <source>EAN number</source>
        <translation>EAN-nummer</translation>
    </message>
</context>
</TS>
