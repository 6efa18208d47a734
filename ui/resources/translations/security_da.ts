<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>CreateDatabaseDialog</name>
    <message>
        <source>Your login (first administrator):</source>
        <translation>Dit login (første administrator):</translation>
    </message>
    <message>
        <source>Your passphrase:</source>
        <translation>Din adgangskode:</translation>
    </message>
    <message>
        <source>The passphrase is yours alone: each team member gets their own later (Team → one-time code). After creating, MentorDesk shows a recovery key once; print it and lock it away.</source>
        <translation>Adgangskoden er kun din: hvert teammedlem får sin egen senere (Team → Engangskode). Når databasen er oprettet, viser MentorDesk en gendannelsesnøgle én gang; udskriv den, og lås den inde.</translation>
    </message>
    <message>
        <source>Enter your login.</source>
        <translation>Skriv dit login.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Changes that were not saved are kept and come back when you unlock: {places}. Quitting MentorDesk from here discards them.</source>
        <translation>Ændringer, som ikke er gemt, er bevaret og kommer igen, når du låser op: {places}. Afslutter du MentorDesk herfra, går de tabt.</translation>
    </message>
    <message>
        <source>MentorDesk is locked</source>
        <translation>MentorDesk er låst</translation>
    </message>
    <message>
        <source>MentorDesk was locked to protect the citizens' data. The database is closed. Enter your passphrase to continue where you left off.</source>
        <translation>MentorDesk blev låst for at beskytte borgernes oplysninger. Databasen er lukket. Indtast din adgangskode for at fortsætte, hvor du slap.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>Quit MentorDesk</source>
        <translation>Afslut MentorDesk</translation>
    </message>
    <message>
        <source>Unlock with this PC's saved key</source>
        <translation>Lås op med pc'ens gemte nøgle</translation>
    </message>
    <message>
        <source>Unlocking the database…</source>
        <translation>Låser databasen op …</translation>
    </message>
</context>
<context>
    <name>RekeyDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>Skift adgangskode</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Ny adgangskode:</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Skifter adgangskoden …</translation>
    </message>
    <message>
        <source>Change my passphrase</source>
        <translation>Skift min adgangskode</translation>
    </message>
    <message>
        <source>Only your own passphrase changes. Nobody else is affected, and a PC that remembers your key goes on opening the database.</source>
        <translation>Kun din egen adgangskode skifter. Ingen andre berøres, og en pc, der husker din nøgle, åbner fortsat databasen.</translation>
    </message>
</context>
<context>
    <name>SecurityGuard</name>
    <message>
        <source>Unlocking the database…</source>
        <translation>Låser databasen op…</translation>
    </message>
    <message>
        <source>Also open by: {names}</source>
        <translation>Også åben hos: {names}</translation>
    </message>
    <message>
        <source>The database lies in a cloud-synchronised folder (OneDrive, Dropbox or similar). Such folders copy half-written files between PCs and can damage the database. Move it to a local folder or a network share.</source>
        <translation>Databasen ligger i en mappe, der synkroniseres til skyen (OneDrive, Dropbox el.lign.). Sådanne mapper kopierer halvt skrevne filer mellem pc'er og kan ødelægge databasen. Flyt den til en lokal mappe eller et netværksdrev.</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>Kontrollerer og gendanner sikkerhedskopien …</translation>
    </message>
    <message>
        <source>The backup passed every check and has been restored. The replaced database was kept in the backup folder.</source>
        <translation>Sikkerhedskopien bestod alle kontroller og er gendannet. Den erstattede database er gemt i mappen med sikkerhedskopier.</translation>
    </message>
</context>
<context>
    <name>SecurityTab</name>
    <message>
        <source>On a team server this is done by IT on the server (mentordesk server …), not in the app.</source>
        <translation>På en teamserver klarer it-support det på serveren (mentordesk server …), ikke i programmet.</translation>
    </message>
    <message>
        <source>Not shown on a team server: the server lets many people work at once.</source>
        <translation>Vises ikke på en teamserver: serveren lader mange arbejde på samme tid.</translation>
    </message>
    <message>
        <source>Team server: {where}</source>
        <translation>Teamserver: {where}</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min.</translation>
    </message>
    <message>
        <source>Lock now (Ctrl+L)</source>
        <translation>Lås nu (Ctrl+L)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Opdatér</translation>
    </message>
    <message>
        <source>Lock after idle time:</source>
        <translation>Lås efter inaktivitet:</translation>
    </message>
    <message>
        <source>Also open by:</source>
        <translation>Også åben hos:</translation>
    </message>
    <message>
        <source>Database file:</source>
        <translation>Databasefil:</translation>
    </message>
    <message>
        <source>Take a backup now…</source>
        <translation>Tag sikkerhedskopi nu …</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Gendan fra sikkerhedskopi …</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sikkerhed</translation>
    </message>
    <message>
        <source>MentorDesk takes an encrypted backup once a day when it closes, and keeps the last 14 daily and 12 monthly backups in the folder beside the database.</source>
        <translation>MentorDesk tager en krypteret sikkerhedskopi én gang om dagen, når programmet lukkes, og gemmer de seneste 14 daglige og 12 månedlige kopier i mappen ved siden af databasen.</translation>
    </message>
    <message>
        <source>Warning: a cloud-synchronised folder can damage the database. Move it.</source>
        <translation>Advarsel: en mappe, der synkroniseres til skyen, kan ødelægge databasen. Flyt den.</translation>
    </message>
    <message>
        <source>On a network drive (shared use, without WAL).</source>
        <translation>På et netværksdrev (fælles brug, uden WAL).</translation>
    </message>
    <message>
        <source>Nobody else right now.</source>
        <translation>Ingen andre lige nu.</translation>
    </message>
    <message>
        <source>Save backup</source>
        <translation>Gem sikkerhedskopi</translation>
    </message>
    <message>
        <source>Taking a backup…</source>
        <translation>Tager sikkerhedskopi …</translation>
    </message>
    <message>
        <source>The backup was saved: {path}</source>
        <translation>Sikkerhedskopien er gemt: {path}</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Vælg sikkerhedskopien, der skal gendannes</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Kontrollerer sikkerhedskopien …</translation>
    </message>
    <message>
        <source>The backup {file} passed every check:
{checks}

Replace the database with it? The current database is kept in the backup folder. MentorDesk closes the window and opens the restored database.</source>
        <translation>Sikkerhedskopien {file} bestod alle kontroller:
{checks}

Vil du erstatte databasen med den? Den nuværende database gemmes i mappen med sikkerhedskopier. MentorDesk lukker vinduet og åbner den gendannede database.</translation>
    </message>
    <message>
        <source>Change my passphrase…</source>
        <translation>Skift min adgangskode…</translation>
    </message>
    <message>
        <source>New recovery key…</source>
        <translation>Ny gendannelsesnøgle…</translation>
    </message>
    <message>
        <source>Your passphrase was changed. Nobody else is affected.</source>
        <translation>Din adgangskode er skiftet. Ingen andre er berørt.</translation>
    </message>
    <message>
        <source>Make a new recovery key? The current one stops working at once, so print the new one before you close its window.</source>
        <translation>Lav en ny gendannelsesnøgle? Den nuværende holder op med at virke med det samme, så udskriv den nye, før du lukker dens vindue.</translation>
    </message>
    <message>
        <source>Making a new recovery key…</source>
        <translation>Laver en ny gendannelsesnøgle…</translation>
    </message>
    <message>
        <source>What the encryption protects: without a team member's own passphrase (or the printed recovery key) nobody can read the database, its key file or its backups. Inside the team, everyone who can open the file holds its key: the roles in MentorDesk guard against mistakes and curiosity, and everything done through MentorDesk is logged and signed under a verified person. Roles that hold against a team member with tools need a team server.</source>
        <translation>Det beskytter krypteringen: uden et teammedlems egen adgangskode (eller den udskrevne gendannelsesnøgle) kan ingen læse databasen, dens nøglefil eller sikkerhedskopierne. Inden for teamet har alle, der kan åbne filen, dens nøgle: rollerne i MentorDesk beskytter mod fejl og nysgerrighed, og alt, der gøres gennem MentorDesk, logges og underskrives under en verificeret person. Roller, der holder over for et teammedlem med værktøjer, kræver en teamserver.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Security</source>
        <translation>Sikkerhed</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key</source>
        <translation>Gendannelsesnøgle</translation>
    </message>
    <message>
        <source>The recovery key opens the database if every administrator forgets their passphrase. Log in as «{login}» with this key. It is shown only now and is saved nowhere: print it and lock it away.</source>
        <translation>Gendannelsesnøglen åbner databasen, hvis alle administratorer glemmer deres adgangskode. Log ind som «{login}» med denne nøgle. Den vises kun nu og gemmes ingen steder: udskriv den, og lås den inde.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Udskriv…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Gem som PDF…</translation>
    </message>
    <message>
        <source>I have put it away</source>
        <translation>Jeg har lagt den sikkert</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Recovery key for MentorDesk&lt;/h1&gt;&lt;p&gt;Team: {team}&lt;br&gt;Database file: {file}&lt;br&gt;File id: {file_id}&lt;/p&gt;&lt;p&gt;Login: &lt;b&gt;{login}&lt;/b&gt;&lt;br&gt;Key: &lt;b&gt;&lt;tt&gt;{key}&lt;/tt&gt;&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Lock this sheet away. Whoever holds it can open every citizen's data.&lt;/p&gt;</source>
        <translation>&lt;h1&gt;Gendannelsesnøgle til MentorDesk&lt;/h1&gt;&lt;p&gt;Team: {team}&lt;br&gt;Databasefil: {file}&lt;br&gt;Fil-id: {file_id}&lt;/p&gt;&lt;p&gt;Login: &lt;b&gt;{login}&lt;/b&gt;&lt;br&gt;Nøgle: &lt;b&gt;&lt;tt&gt;{key}&lt;/tt&gt;&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Lås arket inde. Den, der har det, kan åbne alle borgeres oplysninger.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Sendt til printeren.</translation>
    </message>
    <message>
        <source>The recovery key will be written into a PDF file. Anyone who can read that file can open the database. Save it only to print it, and delete the file afterwards. Continue?</source>
        <translation>Gendannelsesnøglen bliver skrevet i en PDF-fil. Enhver, der kan læse filen, kan åbne databasen. Gem den kun for at udskrive den, og slet filen bagefter. Fortsæt?</translation>
    </message>
    <message>
        <source>Save recovery sheet</source>
        <translation>Gem gendannelsesark</translation>
    </message>
    <message>
        <source>Saving the recovery sheet…</source>
        <translation>Gemmer gendannelsesarket…</translation>
    </message>
    <message>
        <source>Saved: {path}. Print it, then delete the file.</source>
        <translation>Gemt: {path}. Udskriv det, og slet derefter filen.</translation>
    </message>
</context>
</TS>
