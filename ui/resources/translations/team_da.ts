<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>TeamPage</name>
    <message>
        <source>Key</source>
        <translation>Nøgle</translation>
    </message>
    <message>
        <source>Own key</source>
        <translation>Egen nøgle</translation>
    </message>
    <message>
        <source>One-time code not used yet</source>
        <translation>Engangskode ikke brugt endnu</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Gendannelsesnøgle</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Ingen nøgle</translation>
    </message>
    <message>
        <source>New user (Ctrl+N)</source>
        <translation>Ny bruger (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit (Enter)</source>
        <translation>Ret (Enter)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Hours per week</source>
        <translation>Timer pr. uge</translation>
    </message>
    <message>
        <source>Citizens now</source>
        <translation>Borgere nu</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Frivillig</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Loading the team…</source>
        <translation>Henter teamet…</translation>
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
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Each person unlocks with their own login and passphrase. Mentors see the citizens they are assigned to; coordinators and administrators see all. Only an administrator can change users, hand out one-time codes and remove people.</source>
        <translation>Hver person låser op med sit eget login og sin egen adgangskode. Mentorer ser de borgere, de er tilknyttet; koordinatorer og administratorer ser alle. Kun en administrator kan ændre brugere, udstede engangskoder og fjerne personer.</translation>
    </message>
    <message>
        <source>One-time code…</source>
        <translation>Engangskode…</translation>
    </message>
    <message>
        <source>Remove from team…</source>
        <translation>Fjern fra teamet…</translation>
    </message>
    <message>
        <source>Making a one-time code…</source>
        <translation>Laver en engangskode…</translation>
    </message>
    <message>
        <source>One-time code for {name} ({login}):

{code}

Give it to them in person. They use it once, under "First time" when they unlock, to choose their own passphrase. A new code replaces any earlier one.</source>
        <translation>Engangskode til {name} ({login}):

{code}

Giv den personligt. Den bruges én gang, under »Første gang«, når de låser op, til at vælge deres egen adgangskode. En ny kode erstatter en tidligere.</translation>
    </message>
    <message>
        <source>Remove {name} ({login}) from the team? They can no longer open the database. The database key is changed and every backup in the backup folder is re-encrypted, so their passphrase opens none of them. Everyone else must close MentorDesk first; their own passphrases keep working.</source>
        <translation>Fjern {name} ({login}) fra teamet? Vedkommende kan ikke længere åbne databasen. Databasenøglen skiftes, og alle sikkerhedskopier i backupmappen omkrypteres, så deres adgangskode ikke åbner nogen af dem. Alle andre skal lukke MentorDesk først; deres egne adgangskoder virker fortsat.</translation>
    </message>
    <message>
        <source>Removing {name} and changing the database key…</source>
        <translation>Fjerner {name} og skifter databasenøglen…</translation>
    </message>
    <message>
        <source>{login} was removed. The database key was changed; {count} backups were re-encrypted. Copies kept outside the backup folder still have the old key: delete them.</source>
        <translation>{login} er fjernet. Databasenøglen er skiftet; {count} sikkerhedskopier er omkrypteret. Kopier gemt uden for backupmappen har stadig den gamle nøgle: slet dem.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Edit user</source>
        <translation>Ret bruger</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Ny bruger</translation>
    </message>
    <message>
        <source>The user name the person logs on to the PC with.</source>
        <translation>Det brugernavn, personen logger på pc'en med.</translation>
    </message>
    <message>
        <source>e.g. 37 or 7,5</source>
        <translation>fx 37 eller 7,5</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Frivillig</translation>
    </message>
    <message>
        <source>Active (may open the database)</source>
        <translation>Aktiv (må åbne databasen)</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Hours per week:</source>
        <translation>Timer pr. uge:</translation>
    </message>
</context>
</TS>
