<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>CreateDatabaseDialog</name>
    <message>
        <source>Create new database</source>
        <translation>Opret ny database</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>e.g. Mentor team North</source>
        <translation>fx Mentorteam Nord</translation>
    </message>
    <message>
        <source>Remember on this PC</source>
        <translation>Husk på denne pc</translation>
    </message>
    <message>
        <source>Create database</source>
        <translation>Opret database</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <source>Team name:</source>
        <translation>Teamets navn:</translation>
    </message>
    <message>
        <source>Where should the database be saved?</source>
        <translation>Hvor skal databasen gemmes?</translation>
    </message>
    <message>
        <source>MentorDesk databases (*.mentordesk)</source>
        <translation>MentorDesk-databaser (*.mentordesk)</translation>
    </message>
    <message>
        <source>Choose where to save the database.</source>
        <translation>Vælg, hvor databasen skal gemmes.</translation>
    </message>
    <message>
        <source>The file already exists. Choose another name: an existing database is never overwritten.</source>
        <translation>Filen findes allerede. Vælg et andet navn: en eksisterende database bliver aldrig overskrevet.</translation>
    </message>
    <message>
        <source>Enter the team's name.</source>
        <translation>Skriv teamets navn.</translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation>Opretter den krypterede database…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Connect to team server…</source>
        <translation>Forbind til teamserver…</translation>
    </message>
    <message>
        <source>Log in as yourself to your team's MentorDesk server.</source>
        <translation>Log ind som dig selv på teamets MentorDesk-server.</translation>
    </message>
    <message>
        <source>Welcome to MentorDesk</source>
        <translation>Velkommen til MentorDesk</translation>
    </message>
    <message>
        <source>MentorDesk keeps the team's cases in one encrypted database file. What would you like to do?</source>
        <translation>MentorDesk gemmer teamets sager i én krypteret databasefil. Hvad vil du gøre?</translation>
    </message>
    <message>
        <source>Create new database</source>
        <translation>Opret ny database</translation>
    </message>
    <message>
        <source>Start a new, empty database for your team, protected by a passphrase.</source>
        <translation>Start en ny, tom database til dit team, beskyttet af en adgangskode.</translation>
    </message>
    <message>
        <source>Open existing</source>
        <translation>Åbn eksisterende</translation>
    </message>
    <message>
        <source>Open a database file your team already uses.</source>
        <translation>Åbn en databasefil, som dit team allerede bruger.</translation>
    </message>
    <message>
        <source>Open demo database</source>
        <translation>Åbn demodatabase</translation>
    </message>
    <message>
        <source>Try MentorDesk on fictitious data. Nothing you do there is real.</source>
        <translation>Prøv MentorDesk med fiktive data. Intet af det, du gør der, er virkeligt.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Not on a team server yet: IT imports with mentordesk server import.</source>
        <translation>Endnu ikke på en teamserver: it-support importerer med mentordesk server import.</translation>
    </message>
    <message>
        <source>Grants</source>
        <translation>Bevillinger</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtykker</translation>
    </message>
    <message>
        <source>Rights</source>
        <translation>Rettigheder</translation>
    </message>
    <message>
        <source>There are changes that have not been saved:

{places}

If you close without saving, they are lost.</source>
        <translation>Der er ændringer, som ikke er gemt:

{places}

Lukker du uden at gemme, går de tabt.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Don't save</source>
        <translation>Gem ikke</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>&amp;Import citizens…</source>
        <translation>&amp;Importér borgere…</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Frister</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>Samarbejdspartnere</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>MentorDesk – {team}</source>
        <translation>MentorDesk – {team}</translation>
    </message>
    <message>
        <source> – DEMO (fictitious data)</source>
        <translation> – DEMO (fiktive data)</translation>
    </message>
    <message>
        <source>Citizens</source>
        <translation>Borgere</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Handleplan</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Economy</source>
        <translation>Økonomi</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>Bruger: {name} ({role})</translation>
    </message>
    <message>
        <source>Database: {file}</source>
        <translation>Database: {file}</translation>
    </message>
</context>
<context>
    <name>OpeningFlow</name>
    <message>
        <source>Opening {file}…</source>
        <translation>Åbner {file}…</translation>
    </message>
    <message>
        <source>Open MentorDesk database</source>
        <translation>Åbn MentorDesk-database</translation>
    </message>
    <message>
        <source>MentorDesk databases (*.mentordesk);;All files (*)</source>
        <translation>MentorDesk-databaser (*.mentordesk);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Opening the demo database…</source>
        <translation>Åbner demodatabasen…</translation>
    </message>
    <message>
        <source>Building the demo database with fictitious citizens…</source>
        <translation>Bygger demodatabasen med fiktive borgere…</translation>
    </message>
    <message>
        <source>Warning: the database's access log is not as it must be.

{problem}

Tell your administrator. The warning is recorded in the access log.</source>
        <translation>Advarsel: databasens adgangslog er ikke, som den skal være.

{problem}

Sig det til din administrator. Advarslen er skrevet i adgangsloggen.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>Coming soon</source>
        <translation>Kommer snart</translation>
    </message>
    <message>
        <source>This area will arrive in a later version of MentorDesk.</source>
        <translation>Dette område kommer i en senere version af MentorDesk.</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>Cancelling…</source>
        <translation>Annullerer…</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Vent venligst</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbejder…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>An unexpected error stopped the action. Please try again, and contact support if it happens again (the details help them).</source>
        <translation>En uventet fejl stoppede handlingen. Prøv igen, og kontakt support, hvis det sker igen (detaljerne hjælper dem).</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock database</source>
        <translation>Lås database op</translation>
    </message>
    <message>
        <source>Remember on this PC</source>
        <translation>Husk på denne pc</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Adgangskode:</translation>
    </message>
    <message>
        <source>Enter the passphrase.</source>
        <translation>Indtast adgangskoden.</translation>
    </message>
    <message>
        <source>Unlocking the database…</source>
        <translation>Låser databasen op…</translation>
    </message>
    <message>
        <source>First time: I have a one-time code</source>
        <translation>Første gang: jeg har en engangskode</translation>
    </message>
    <message>
        <source>e.g. abcd-efgh-jkmn-pqrs-tuvw</source>
        <translation>fx abcd-efgh-jkmn-pqrs-tuvw</translation>
    </message>
    <message>
        <source>Keeps your key in this PC's credential store (Windows Credential Manager), so this PC opens the database as you without the passphrase. Only on a PC that you alone use.</source>
        <translation>Gemmer din nøgle i denne pc's legitimationslager (Windows Credential Manager), så pc'en åbner databasen som dig uden adgangskode. Kun på en pc, som kun du bruger.</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>One-time code:</source>
        <translation>Engangskode:</translation>
    </message>
    <message>
        <source>Your new passphrase:</source>
        <translation>Din nye adgangskode:</translation>
    </message>
    <message>
        <source>Save and unlock</source>
        <translation>Gem og lås op</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Skriv dit login.</translation>
    </message>
    <message>
        <source>Enter the one-time code from your administrator.</source>
        <translation>Skriv engangskoden fra din administrator.</translation>
    </message>
</context>
<context>
    <name>ServerConnectDialog</name>
    <message>
        <source>MentorDesk is locked</source>
        <translation>MentorDesk er låst</translation>
    </message>
    <message>
        <source>Connect to team server</source>
        <translation>Forbind til teamserver</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>Enter your password to go on.</source>
        <translation>Skriv din adgangskode for at fortsætte.</translation>
    </message>
    <message>
        <source>e.g. The team's server</source>
        <translation>fx Teamets server</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>Remember the password on this PC</source>
        <translation>Husk adgangskoden på denne pc</translation>
    </message>
    <message>
        <source>Keeps your password in this PC's credential store (Windows Credential Manager). Only on a PC that you alone use.</source>
        <translation>Gemmer din adgangskode i denne pc's legitimationslager (Windows Legitimationsstyring). Kun på en pc, som du bruger alene.</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test forbindelse</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Forbind</translation>
    </message>
    <message>
        <source>Saved:</source>
        <translation>Gemte:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>The team's CA certificate:</source>
        <translation>Teamets CA-certifikat:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Adgangskode:</translation>
    </message>
    <message>
        <source>The team's CA certificate</source>
        <translation>Teamets CA-certifikat</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certifikater (*.pem *.crt *.cer);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Skriv din adgangskode.</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Tester forbindelsen…</translation>
    </message>
    <message>
        <source>Connecting to the team server…</source>
        <translation>Forbinder til teamserveren…</translation>
    </message>
</context>
</TS>
