<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>TeamPage</name>
    <message>
        <source>New user (Ctrl+N)</source>
        <translation>Ny bruger (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit (Enter)</source>
        <translation>Ret (Enter)</translation>
    </message>
    <message>
        <source>The OS login identifies each user. Mentors see the citizens they are assigned to; coordinators and administrators see all. Only an administrator can change users.</source>
        <translation>Brugerne genkendes på deres login på pc'en. Mentorer ser de borgere, de er tildelt; koordinatorer og administratorer ser alle. Kun en administrator kan ændre brugere.</translation>
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
