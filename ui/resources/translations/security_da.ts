<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>CreateDatabaseDialog</name>
    <message>
        <source>A recovery sheet was saved next to the database: {path}

Print it, write the passphrase on it by hand and lock it away. Then delete the PDF file.</source>
        <translation>Et gendannelsesark er gemt ved siden af databasen: {path}

Udskriv det, skriv adgangskoden på i hånden, og lås det inde. Slet derefter PDF-filen.</translation>
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
        <source>MentorDesk was locked to protect the citizens' data. The database is closed. Enter the passphrase to continue where you left off.</source>
        <translation>MentorDesk blev låst for at beskytte borgernes oplysninger. Databasen er lukket. Indtast adgangskoden for at fortsætte, hvor du slap.</translation>
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
        <source>A backup is taken first. Everyone else must close MentorDesk before the change. Other PCs will ask for the new passphrase. Print a new recovery sheet afterwards.</source>
        <translation>Der tages først en sikkerhedskopi. Alle andre skal lukke MentorDesk før skiftet. Andre pc'er vil bede om den nye adgangskode. Udskriv bagefter et nyt gendannelsesark.</translation>
    </message>
    <message>
        <source>New passphrase:</source>
        <translation>Ny adgangskode:</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Skifter adgangskoden …</translation>
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
        <source>Save recovery sheet…</source>
        <translation>Gem gendannelsesark …</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Skift adgangskode …</translation>
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
        <source>Save recovery sheet</source>
        <translation>Gem gendannelsesark</translation>
    </message>
    <message>
        <source>Saving the recovery sheet…</source>
        <translation>Gemmer gendannelsesarket …</translation>
    </message>
    <message>
        <source>The recovery sheet was saved: {path}. Print it, write the passphrase on it and lock it away.</source>
        <translation>Gendannelsesarket er gemt: {path}. Udskriv det, skriv adgangskoden på, og lås det inde.</translation>
    </message>
    <message>
        <source>The passphrase was changed. Save and print a new recovery sheet now.</source>
        <translation>Adgangskoden er skiftet. Gem og udskriv et nyt gendannelsesark nu.</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Vælg sikkerhedskopien, der skal gendannes</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Gendan fra sikkerhedskopi</translation>
    </message>
    <message>
        <source>The backup was made with another passphrase. Enter that passphrase:</source>
        <translation>Sikkerhedskopien er taget med en anden adgangskode. Indtast den adgangskode:</translation>
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
        <source>Warning: the backup is of ANOTHER database (the team &quot;{team}&quot;), not of this one. Restoring it replaces this team&apos;s data with the other team&apos;s.

</source>
        <translation>Advarsel: Sikkerhedskopien er af en ANDEN database (teamet »{team}«), ikke af denne. Gendanner du den, erstattes dette teams data med det andet teams.

</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Security</source>
        <translation>Sikkerhed</translation>
    </message>
</context>
</TS>
