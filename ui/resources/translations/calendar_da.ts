<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AbsenceDialog</name>
    <message>
        <source>Absence</source>
        <translation>Fravær</translation>
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
        <source>Substitute per citizen</source>
        <translation>Vikar pr. borger</translation>
    </message>
    <message>
        <source>Loading the mentor's citizens…</source>
        <translation>Henter mentorens borgere…</translation>
    </message>
    <message>
        <source>&amp;Mentor:</source>
        <translation>&amp;Mentor:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Loading citizens…</source>
        <translation>Henter borgere…</translation>
    </message>
    <message>
        <source>The mentor has no citizens right now.</source>
        <translation>Mentoren har ingen borgere lige nu.</translation>
    </message>
    <message>
        <source>(no substitute)</source>
        <translation>(ingen vikar)</translation>
    </message>
    <message>
        <source>Change absence</source>
        <translation>Ret fravær</translation>
    </message>
    <message>
        <source>Citizen {number}</source>
        <translation>Borger {number}</translation>
    </message>
    <message>
        <source>Wait a moment: the mentor's citizens are being loaded.</source>
        <translation>Vent et øjeblik: mentorens borgere hentes.</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Substitutes</source>
        <translation>Vikarer</translation>
    </message>
    <message>
        <source>(no substitutes)</source>
        <translation>(ingen vikarer)</translation>
    </message>
</context>
<context>
    <name>CalendarActions</name>
    <message>
        <source>Loading the team…</source>
        <translation>Henter teamet…</translation>
    </message>
    <message>
        <source>Opening the appointment…</source>
        <translation>Åbner aftalen…</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Åbn…</translation>
    </message>
    <message>
        <source>Mark as done</source>
        <translation>Markér som gennemført</translation>
    </message>
    <message>
        <source>Not attended</source>
        <translation>Ikke mødt</translation>
    </message>
    <message>
        <source>Only a past appointment not yet logged.</source>
        <translation>Kun en afholdt aftale, der ikke allerede er registreret.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Slet…</translation>
    </message>
    <message>
        <source>Logging the contact…</source>
        <translation>Registrerer kontakten…</translation>
    </message>
    <message>
        <source>Delete appointment</source>
        <translation>Slet aftale</translation>
    </message>
    <message>
        <source>This appointment repeats. What should be deleted?</source>
        <translation>Aftalen gentages. Hvad skal slettes?</translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation>Kun denne</translation>
    </message>
    <message>
        <source>This and following</source>
        <translation>Denne og følgende</translation>
    </message>
    <message>
        <source>The whole series</source>
        <translation>Hele serien</translation>
    </message>
    <message>
        <source>Delete this appointment? Contacts already logged for it stay in the journal.</source>
        <translation>Slet denne aftale? Kontakter, der allerede er registreret for den, bliver i kontaktloggen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Sletter…</translation>
    </message>
    <message>
        <source>Reinstate the session</source>
        <translation>Genoptag mødet</translation>
    </message>
    <message>
        <source>Cancel the session</source>
        <translation>Aflys mødet</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>G&amp;rant:</source>
        <translation>Be&amp;villing:</translation>
    </message>
    <message>
        <source>Not attributed</source>
        <translation>Ikke tilknyttet</translation>
    </message>
    <message>
        <source>Grant no. {id}</source>
        <translation>Bevilling nr. {id}</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Aftale</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Ny aftale</translation>
    </message>
    <message>
        <source>(no citizen)</source>
        <translation>(ingen borger – intern aftale)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Repeat every week</source>
        <translation>Gentag ugentligt</translation>
    </message>
    <message>
        <source>every </source>
        <translation>hver </translation>
    </message>
    <message>
        <source>. week</source>
        <translation>. uge</translation>
    </message>
    <message>
        <source>until</source>
        <translation>indtil</translation>
    </message>
    <message>
        <source>number of times</source>
        <translation>antal gange</translation>
    </message>
    <message>
        <source>with no end</source>
        <translation>uden slutdato</translation>
    </message>
    <message>
        <source>Repeat until</source>
        <translation>Gentag indtil</translation>
    </message>
    <message>
        <source>&amp;Citizen:</source>
        <translation>&amp;Borger:</translation>
    </message>
    <message>
        <source>&amp;Mentor:</source>
        <translation>&amp;Mentor:</translation>
    </message>
    <message>
        <source>Also attending:</source>
        <translation>Deltager også:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>&amp;Varighed:</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Kontaktform:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Sted:</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Gentagelse:</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… og %n mere</numerusform>
            <numerusform>… og %n flere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) at this time:</source>
        <translation>
            <numerusform>%n konflikt på dette tidspunkt:</numerusform>
            <numerusform>%n konflikter på dette tidspunkt:</numerusform>
        </translation>
    </message>
    <message>
        <source>Recurring appointment</source>
        <translation>Gentaget aftale</translation>
    </message>
    <message>
        <source>This appointment repeats. What should the change apply to?</source>
        <translation>Aftalen gentages. Hvad skal ændringen gælde?</translation>
    </message>
    <message>
        <source>Only this one</source>
        <translation>Kun denne</translation>
    </message>
    <message>
        <source>This and following</source>
        <translation>Denne og følgende</translation>
    </message>
    <message>
        <source>The whole series</source>
        <translation>Hele serien</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
</context>
<context>
    <name>GroupCoursesDialog</name>
    <message>
        <source>Group courses</source>
        <translation>Gruppeforløb</translation>
    </message>
    <message>
        <source>New course</source>
        <translation>Nyt forløb</translation>
    </message>
    <message>
        <source>Course:</source>
        <translation>Forløb:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>Save course</source>
        <translation>Gem forløb</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>&amp;Place:</source>
        <translation>&amp;Sted:</translation>
    </message>
    <message>
        <source>&amp;Weekday:</source>
        <translation>&amp;Ugedag:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>&amp;Varighed:</translation>
    </message>
    <message>
        <source>Starts on:</source>
        <translation>Starter:</translation>
    </message>
    <message>
        <source>Ends on:</source>
        <translation>Slutter:</translation>
    </message>
    <message>
        <source>Leaders:</source>
        <translation>Ledere:</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Deltagere:</translation>
    </message>
    <message>
        <source>Register attendance</source>
        <translation>Registrér fremmøde</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Tick who came:</source>
        <translation>Markér hvem der kom:</translation>
    </message>
    <message>
        <source>Loading group courses…</source>
        <translation>Henter gruppeforløb…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>The course is saved.</source>
        <translation>Forløbet er gemt.</translation>
    </message>
    <message>
        <source>Loading sessions…</source>
        <translation>Henter mødegange…</translation>
    </message>
    <message>
        <source>Registering attendance…</source>
        <translation>Registrerer fremmøde…</translation>
    </message>
    <message>
        <source>Attendance registered: {created} new and {updated} changed contact(s).</source>
        <translation>Fremmøde registreret: {created} nye og {updated} ændrede kontakter.</translation>
    </message>
    <message>
        <source>Delete course…</source>
        <translation>Slet forløb…</translation>
    </message>
    <message>
        <source>Cancel the session</source>
        <translation>Aflys mødet</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>(aflyst)</translation>
    </message>
    <message>
        <source>Reinstate the session</source>
        <translation>Genoptag mødet</translation>
    </message>
    <message>
        <source>The session on {day} is cancelled.</source>
        <translation>Mødet den {day} er aflyst.</translation>
    </message>
    <message>
        <source>The session on {day} is reinstated.</source>
        <translation>Mødet den {day} er genoptaget.</translation>
    </message>
    <message>
        <source>Checking attendance…</source>
        <translation>Tjekker fremmøde…</translation>
    </message>
    <message>
        <source>Delete the group course &quot;{name}&quot; and all its sessions?</source>
        <translation>Slet gruppeforløbet »{name}« og alle dets møder?</translation>
    </message>
    <message>
        <source>Attendance has been registered for {sessions} session(s): {contacts} contact(s). They stay in the citizens' journals and still count as delivered hours, but are no longer linked to the course.</source>
        <translation>Der er registreret fremmøde for {sessions} møde(r): {contacts} kontakt(er). De bliver i borgernes journal og tæller stadig som leverede timer, men er ikke længere knyttet til forløbet.</translation>
    </message>
    <message>
        <source>Delete group course</source>
        <translation>Slet gruppeforløb</translation>
    </message>
    <message>
        <source>Delete course</source>
        <translation>Slet forløb</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Sletter…</translation>
    </message>
    <message>
        <source>The group course &quot;{name}&quot; is deleted.</source>
        <translation>Gruppeforløbet »{name}« er slettet.</translation>
    </message>
</context>
<context>
    <name>IcsExportDialog</name>
    <message>
        <source>Export to Outlook</source>
        <translation>Eksportér til Outlook</translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation>Hele teamet</translation>
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
        <source>Include details (full name, place, note)</source>
        <translation>Medtag detaljer (fulde navn, sted, note)</translation>
    </message>
    <message>
        <source>Without details each event shows only the citizen's initials or alias and the form of contact — never CPR or notes.</source>
        <translation>Uden detaljer viser hver aftale kun borgerens initialer eller alias og kontaktformen – aldrig CPR-nummer eller noter.</translation>
    </message>
    <message>
        <source>&amp;Calendar of:</source>
        <translation>&amp;Kalender for:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Eksportér…</translation>
    </message>
    <message>
        <source>Loading the team…</source>
        <translation>Henter teamet…</translation>
    </message>
    <message>
        <source>Include details?</source>
        <translation>Medtag detaljer?</translation>
    </message>
    <message>
        <source>The file will contain citizens' full names, places and notes. It leaves the encrypted database: Outlook, phones and mail servers keep a copy. Only include details when you are sure they may be shared this way. Include details?</source>
        <translation>Filen kommer til at indeholde borgernes fulde navne, steder og noter. Den forlader den krypterede database: Outlook, telefoner og mailservere gemmer en kopi. Medtag kun detaljer, når du er sikker på, at de må deles på denne måde. Medtag detaljer?</translation>
    </message>
    <message>
        <source>Save calendar as</source>
        <translation>Gem kalender som</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderfiler (*.ics)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Eksporterer…</translation>
    </message>
</context>
<context>
    <name>MonthGrid</name>
    <message>
        <source>+{count} more</source>
        <translation>+{count} mere</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Mark as done (Ctrl+D)</source>
        <translation>Markér gennemført (Ctrl+D)</translation>
    </message>
    <message>
        <source>Logs the chosen appointment as a contact held (also on the right-click menu).</source>
        <translation>Registrerer den valgte aftale som en afholdt kontakt (også i højrekliksmenuen).</translation>
    </message>
    <message>
        <source>Import from Outlook (ICS)…</source>
        <translation>Importér fra Outlook (ICS)…</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Forrige</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Næste ▶</translation>
    </message>
    <message>
        <source>Previous period (PgUp, Alt+Left)</source>
        <translation>Forrige periode (PgUp, Alt+Venstre)</translation>
    </message>
    <message>
        <source>Next period (PgDn, Alt+Right)</source>
        <translation>Næste periode (PgDn, Alt+Højre)</translation>
    </message>
    <message>
        <source>Go to today (T)</source>
        <translation>Gå til i dag (T)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation>Hele teamet</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>New appointment…</source>
        <translation>Ny aftale…</translation>
    </message>
    <message>
        <source>Group courses…</source>
        <translation>Gruppeforløb…</translation>
    </message>
    <message>
        <source>Absence…</source>
        <translation>Fravær…</translation>
    </message>
    <message>
        <source>Export to Outlook…</source>
        <translation>Eksportér til Outlook…</translation>
    </message>
    <message>
        <source>⚠ and a red frame: conflict (hover for the reason). ✓ done, ✗ not attended, ⊘ cancelled. Red days: public holidays. Grey: outside the team's staffed hours. Double-click to open, right-click for more.</source>
        <translation>⚠ og rød ramme: konflikt (hold musen over for årsagen). ✓ gennemført, ✗ ikke mødt, ⊘ aflyst. Røde dage: helligdage. Gråt: uden for teamets åbningstid. Dobbeltklik for at åbne, højreklik for mere.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>{weekday} {day}. {month} {year} · week {week}</source>
        <translation>{weekday} {day}. {month} {year} · uge {week}</translation>
    </message>
    <message>
        <source>Week {week}</source>
        <translation>Uge {week}</translation>
    </message>
    <message>
        <source>Loading the calendar…</source>
        <translation>Henter kalenderen…</translation>
    </message>
    <message numerus="yes">
        <source>%n appointment(s)</source>
        <translation>
            <numerusform>%n aftale</numerusform>
            <numerusform>%n aftaler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s)</source>
        <translation>
            <numerusform>%n konflikt</numerusform>
            <numerusform>%n konflikter</numerusform>
        </translation>
    </message>
    <message>
        <source>Staffed hours…</source>
        <translation>Åbningstid…</translation>
    </message>
    <message>
        <source>The team's staffed hours per weekday</source>
        <translation>Teamets åbningstid pr. ugedag</translation>
    </message>
</context>
<context>
    <name>TimeGridHeader</name>
    <message numerus="yes">
        <source>%n absent</source>
        <translation>
            <numerusform>%n fraværende</numerusform>
            <numerusform>%n fraværende</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AbsenceManagerDialog</name>
    <message>
        <source>Absence</source>
        <translation>Fravær</translation>
    </message>
    <message>
        <source>Whole team</source>
        <translation>Hele teamet</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Substitutes</source>
        <translation>Vikarer</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>New absence…</source>
        <translation>Nyt fravær…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Slet…</translation>
    </message>
    <message>
        <source>Current and upcoming absences first, then the past year's.</source>
        <translation>Aktuelt og kommende fravær først, derefter det seneste års.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>Loading absences…</source>
        <translation>Henter fravær…</translation>
    </message>
    <message>
        <source>Citizen {number}</source>
        <translation>Borger {number}</translation>
    </message>
    <message>
        <source>The absence is saved.</source>
        <translation>Fraværet er gemt.</translation>
    </message>
    <message>
        <source>Delete {who}'s absence ({kind}, {period})?</source>
        <translation>Slet fraværet for {who} ({kind}, {period})?</translation>
    </message>
    <message>
        <source>The substitutes no longer see the citizens they cover.</source>
        <translation>Vikarerne kan derefter ikke længere se de borgere, de dækker.</translation>
    </message>
    <message>
        <source>Delete absence</source>
        <translation>Slet fravær</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Sletter…</translation>
    </message>
    <message>
        <source>The absence is deleted.</source>
        <translation>Fraværet er slettet.</translation>
    </message>
</context>
<context>
    <name>StaffedHoursDialog</name>
    <message>
        <source>Staffed hours</source>
        <translation>Åbningstid</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
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
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>The calendar shades the time outside these hours grey.</source>
        <translation>Kalenderen viser tiden uden for åbningstiden med gråt.</translation>
    </message>
    <message>
        <source>Loading the staffed hours…</source>
        <translation>Henter åbningstiden…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
</context>
<context>
    <name>IcsImportDialog</name>
    <message>
        <source>Import from Outlook (ICS)</source>
        <translation>Importér fra Outlook (ICS)</translation>
    </message>
    <message>
        <source>Export the calendar from Outlook as an .ics file and choose it here. Each event is shown as a busy block without a citizen, so double bookings are flagged. Only the subject is kept; importing the same file again adds nothing twice.</source>
        <translation>Eksportér kalenderen fra Outlook som en .ics-fil, og vælg den her. Hver aftale vises som en optaget-blok uden borger, så dobbeltbookinger markeres. Kun emnet gemmes; importeres den samme fil igen, kommer intet med to gange.</translation>
    </message>
    <message>
        <source>&amp;Mentor:</source>
        <translation>&amp;Mentor:</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Vælg fil…</translation>
    </message>
    <message>
        <source>Choose an Outlook calendar file</source>
        <translation>Vælg en kalenderfil fra Outlook</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderfiler (*.ics)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importerer…</translation>
    </message>
    <message>
        <source>%1 appointments imported, %2 skipped (already imported)</source>
        <translation>%1 aftaler importeret, %2 sprunget over (allerede importeret)</translation>
    </message>
    <message>
        <source>, %1 ignored (cancelled or free)</source>
        <translation>, %1 ignoreret (aflyst eller ledig tid)</translation>
    </message>
</context>
<context>
    <name>AgendaList</name>
    <message>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Aftale</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
</context>
</TS>
