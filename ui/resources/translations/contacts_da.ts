<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>ContactActions</name>
    <message>
        <source>Delete contact</source>
        <translation>Slet kontakt</translation>
    </message>
    <message>
        <source>Delete the contact of {date} ({form}, {duration})? This cannot be undone.</source>
        <translation>Slet kontakten den {date} ({form}, {duration})? Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Deleting the contact…</source>
        <translation>Sletter kontakten…</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Save contact</source>
        <translation>Gem kontakt</translation>
    </message>
    <message>
        <source>Ctrl+S or Ctrl+Enter</source>
        <translation>Ctrl+S eller Ctrl+Enter</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Ryd</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>New contact (Ctrl+N)</source>
        <translation>Ny kontakt (Ctrl+N)</translation>
    </message>
    <message>
        <source>In-person meetings in the last 3 months; phone, SMS and online do not count.</source>
        <translation>Fysiske møder de seneste 3 måneder; telefon, SMS og online tæller ikke med.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Henter…</translation>
    </message>
    <message>
        <source>Loading contacts…</source>
        <translation>Henter kontakter…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n kontakt</numerusform>
            <numerusform>%n kontakter</numerusform>
        </translation>
    </message>
    <message>
        <source>Attendance stability: no in-person meetings in the last 3 months</source>
        <translation>Mødestabilitet: ingen fysiske møder de seneste 3 måneder</translation>
    </message>
    <message>
        <source>Attendance stability: {percent} % ({attended} of {planned})</source>
        <translation>Mødestabilitet: {percent} % ({attended} af {planned})</translation>
    </message>
    <message>
        <source>Saving the contact…</source>
        <translation>Gemmer kontakten…</translation>
    </message>
</context>
<context>
    <name>ContactEditDialog</name>
    <message>
        <source>Grant</source>
        <translation>Bevilling</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Rediger kontakt</translation>
    </message>
    <message>
        <source>Opening the contact…</source>
        <translation>Åbner kontakten…</translation>
    </message>
    <message>
        <source>Logged by {mentor}.</source>
        <translation>Registreret af {mentor}.</translation>
    </message>
    <message>
        <source>Logged without consent, reason: {reason}</source>
        <translation>Registreret uden samtykke, begrundelse: {reason}</translation>
    </message>
    <message>
        <source>Saving the contact…</source>
        <translation>Gemmer kontakten…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Starttid</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Varighed</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Kontaktform</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Samarbejdspartner</translation>
    </message>
    <message>
        <source>Reason for contact without consent</source>
        <translation>Begrundelse for kontakt uden samtykke</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Indsatsmål</translation>
    </message>
    <message>
        <source>Travel time</source>
        <translation>Kørselstid</translation>
    </message>
    <message>
        <source>Kilometres</source>
        <translation>Kilometer</translation>
    </message>
    <message>
        <source>Indirect time</source>
        <translation>Indirekte tid</translation>
    </message>
</context>
<context>
    <name>ContactEntryForm</name>
    <message>
        <source>G&amp;rant</source>
        <translation>&amp;Bevilling</translation>
    </message>
    <message>
        <source>Not attributed</source>
        <translation>Ikke tilknyttet</translation>
    </message>
    <message>
        <source>e.g. at home, the library, the jobcentre</source>
        <translation>fx hjemme, biblioteket, jobcentret</translation>
    </message>
    <message>
        <source>The citizen has no goals yet.</source>
        <translation>Borgeren har ingen indsatsmål endnu.</translation>
    </message>
    <message>
        <source>What happened, what was agreed …</source>
        <translation>Hvad skete der, hvad blev aftalt …</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>Start &amp;time</source>
        <translation>S&amp;tarttid</translation>
    </message>
    <message>
        <source>D&amp;uration</source>
        <translation>&amp;Varighed</translation>
    </message>
    <message>
        <source>&amp;Form</source>
        <translation>&amp;Kontaktform</translation>
    </message>
    <message>
        <source>&amp;Place</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Deltagelse</translation>
    </message>
    <message>
        <source>P&amp;artner</source>
        <translation>Samarbejds&amp;partner</translation>
    </message>
    <message>
        <source>&amp;Mentor</source>
        <translation>&amp;Mentor</translation>
    </message>
    <message>
        <source>&amp;Goals</source>
        <translation>&amp;Indsatsmål</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>(no partner)</source>
        <translation>(ingen samarbejdspartner)</translation>
    </message>
    <message>
        <source>Tra&amp;vel / indirect</source>
        <translation>Kørsel / indi&amp;rekte</translation>
    </message>
</context>
<context>
    <name>ContactFilterBar</name>
    <message>
        <source>All periods</source>
        <translation>Hele perioden</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Seneste 4 uger</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Seneste 3 måneder</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Seneste 12 måneder</translation>
    </message>
    <message>
        <source>Chosen period</source>
        <translation>Valgt periode</translation>
    </message>
    <message>
        <source>All forms</source>
        <translation>Alle kontaktformer</translation>
    </message>
    <message>
        <source>Attended and no-show</source>
        <translation>Fremmøde og udeblevet</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>P&amp;eriode:</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>&amp;Mentor:</source>
        <translation>&amp;Mentor:</translation>
    </message>
    <message>
        <source>Loading the team…</source>
        <translation>Henter teamet…</translation>
    </message>
    <message>
        <source>Loading contacts…</source>
        <translation>Henter kontakter…</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n kontakt</numerusform>
            <numerusform>%n kontakter</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsentReasonDialog</name>
    <message>
        <source>Contact without consent</source>
        <translation>Kontakt uden samtykke</translation>
    </message>
    <message>
        <source>Why is the contact needed without consent? The reason is saved with the contact and in the access log.</source>
        <translation>Hvorfor er kontakten nødvendig uden samtykke? Begrundelsen gemmes på kontakten og i adgangsloggen.</translation>
    </message>
    <message>
        <source>Save with reason</source>
        <translation>Gem med begrundelse</translation>
    </message>
</context>
<context>
    <name>ContactSaveFlow</name>
    <message>
        <source>Not saved: a contact with this partner needs consent or a reason.</source>
        <translation>Ikke gemt: en kontakt med denne samarbejdspartner kræver samtykke eller en begrundelse.</translation>
    </message>
</context>
<context>
    <name>ContactsTableModel</name>
    <message>
        <source>Grant</source>
        <translation>Bevilling</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Varighed</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Travel / indirect</source>
        <translation>Kørsel / indirekte</translation>
    </message>
</context>
<context>
    <name>AroundFields</name>
    <message>
        <source> min travel</source>
        <translation> min kørsel</translation>
    </message>
    <message>
        <source> km</source>
        <translation> km</translation>
    </message>
    <message>
        <source> min indirect</source>
        <translation> min indirekte</translation>
    </message>
    <message>
        <source>Travel time to and from the contact</source>
        <translation>Kørselstid til og fra kontakten</translation>
    </message>
    <message>
        <source>Kilometres driven for the contact</source>
        <translation>Kørte kilometer til kontakten</translation>
    </message>
    <message>
        <source>Preparation, documentation and coordination</source>
        <translation>Forberedelse, dokumentation og koordinering</translation>
    </message>
</context>
</TS>
