<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Edit consent</source>
        <translation>Ret samtykke</translation>
    </message>
    <message>
        <source>New consent</source>
        <translation>Nyt samtykke</translation>
    </message>
    <message>
        <source>What may be shared, and why</source>
        <translation>Hvad må deles, og hvorfor</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Givet</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Udløber</translation>
    </message>
    <message>
        <source>dd-mm-yyyy (empty: until withdrawn)</source>
        <translation>dd-mm-åååå (tom: indtil det trækkes tilbage)</translation>
    </message>
    <message>
        <source>Partner:</source>
        <translation>Samarbejdspartner:</translation>
    </message>
    <message>
        <source>Purpose:</source>
        <translation>Formål:</translation>
    </message>
    <message>
        <source>Given on:</source>
        <translation>Givet den:</translation>
    </message>
    <message>
        <source>Expires on:</source>
        <translation>Udløber den:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>The partner register is empty: add the partner under Partners first.</source>
        <translation>Partnerregistret er tomt: opret først samarbejdspartneren under Samarbejdspartnere.</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Samarbejdspartner</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Givet den</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Udløber den</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Trukket tilbage den</translation>
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
    <name>ConsentsTab</name>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Samarbejdspartner</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>Givet</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Udløber</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Trukket tilbage</translation>
    </message>
    <message>
        <source>New consent (Ctrl+N)</source>
        <translation>Nyt samtykke (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit (Enter)</source>
        <translation>Ret (Enter)</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Træk tilbage…</translation>
    </message>
    <message>
        <source>No consents registered. Contact with partners needs the citizen's consent.</source>
        <translation>Der er ikke registreret nogen samtykker. Kontakt med samarbejdspartnere kræver borgerens samtykke.</translation>
    </message>
    <message>
        <source>Loading consents…</source>
        <translation>Henter samtykker…</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Edit partner</source>
        <translation>Ret samarbejdspartner</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>Ny samarbejdspartner</translation>
    </message>
    <message>
        <source>Active (offered for new consents)</source>
        <translation>Aktiv (kan vælges til nye samtykker)</translation>
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
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Telefon:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>E-mail:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Note:</translation>
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
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
</context>
<context>
    <name>PartnersPage</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Search name, kind, organisation …</source>
        <translation>Søg navn, type, organisation …</translation>
    </message>
    <message>
        <source>New partner (Ctrl+N)</source>
        <translation>Ny samarbejdspartner (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit (Enter)</source>
        <translation>Ret (Enter)</translation>
    </message>
    <message>
        <source>Remove (Delete)</source>
        <translation>Fjern (Delete)</translation>
    </message>
    <message>
        <source>Loading partners…</source>
        <translation>Henter samarbejdspartnere…</translation>
    </message>
    <message>
        <source>Remove {name} from the register? A partner named in consents or contacts is deactivated instead, so those records keep saying who it was.</source>
        <translation>Fjern {name} fra registret? En samarbejdspartner, der står på samtykker eller kontakter, deaktiveres i stedet, så det fortsat fremgår, hvem oplysningerne gik til.</translation>
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
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Træk samtykke tilbage</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Trukket tilbage den</translation>
    </message>
    <message>
        <source>Withdrawn on:</source>
        <translation>Trukket tilbage den:</translation>
    </message>
    <message>
        <source>(not withdrawn)</source>
        <translation>(ikke trukket tilbage)</translation>
    </message>
</context>
</TS>
