<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AssessmentDialog</name>
    <message>
        <source>Edit assessment</source>
        <translation>Ret vurdering</translation>
    </message>
    <message>
        <source>New assessment</source>
        <translation>Ny vurdering</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>In the citizen's own words</source>
        <translation>Med borgerens egne ord</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Dato:</translation>
    </message>
    <message>
        <source>&amp;Functional level:</source>
        <translation>&amp;Funktionsevne:</translation>
    </message>
    <message>
        <source>&amp;Support need:</source>
        <translation>&amp;Støttebehov:</translation>
    </message>
    <message>
        <source>&amp;Citizen's own view:</source>
        <translation>&amp;Borgerens egen vurdering:</translation>
    </message>
    <message>
        <source>&amp;Mentor's note:</source>
        <translation>&amp;Mentorens note:</translation>
    </message>
    <message>
        <source>Functional level</source>
        <translation>Funktionsevne</translation>
    </message>
    <message>
        <source>Support need</source>
        <translation>Støttebehov</translation>
    </message>
    <message>
        <source>Citizen's own view</source>
        <translation>Borgerens egen vurdering</translation>
    </message>
    <message>
        <source>Mentor's note</source>
        <translation>Mentorens note</translation>
    </message>
</context>
<context>
    <name>EvaluationDialog</name>
    <message>
        <source>Complete evaluation</source>
        <translation>Gennemfør evaluering</translation>
    </message>
    <message>
        <source>Evaluation date</source>
        <translation>Evalueringsdato</translation>
    </message>
    <message>
        <source>Evaluation &amp;date:</source>
        <translation>Evaluerings&amp;dato:</translation>
    </message>
    <message>
        <source>Save evaluation</source>
        <translation>Gem evaluering</translation>
    </message>
    <message>
        <source>The plan has no open goals to evaluate.</source>
        <translation>Handleplanen har ingen åbne mål at evaluere.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Functional level</source>
        <translation>Funktionsevne</translation>
    </message>
    <message>
        <source>Support need</source>
        <translation>Støttebehov</translation>
    </message>
    <message>
        <source>Citizen's own view</source>
        <translation>Borgerens egen vurdering</translation>
    </message>
    <message>
        <source>Mentor's note</source>
        <translation>Mentorens note</translation>
    </message>
</context>
<context>
    <name>GoalDetail</name>
    <message>
        <source>Remove link</source>
        <translation>Fjern tilknytning</translation>
    </message>
    <message>
        <source>Link contacts…</source>
        <translation>Tilknyt kontakter…</translation>
    </message>
    <message>
        <source>No contacts are linked to this goal yet. Link them here with "Link contacts…" or when logging a contact.</source>
        <translation>Der er endnu ingen kontakter knyttet til målet. Knyt dem til her med "Tilknyt kontakter…" eller når du registrerer en kontakt.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Functional level</source>
        <translation>Funktionsevne</translation>
    </message>
    <message>
        <source>Support need</source>
        <translation>Støttebehov</translation>
    </message>
    <message>
        <source>Citizen's own view</source>
        <translation>Borgerens egen vurdering</translation>
    </message>
    <message>
        <source>Mentor's note</source>
        <translation>Mentorens note</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Før</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Kontaktform</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Varighed</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>New sub-goal</source>
        <translation>Nyt delmål</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Ret</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Slet</translation>
    </message>
    <message>
        <source>New assessment…</source>
        <translation>Ny vurdering…</translation>
    </message>
    <message>
        <source>Edit assessment</source>
        <translation>Ret vurdering</translation>
    </message>
    <message>
        <source>Delete assessment</source>
        <translation>Slet vurdering</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Udvikling</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>Choose a goal above to see its sub-goals, progress and history.</source>
        <translation>Vælg et mål ovenfor for at se delmål, udvikling og historik.</translation>
    </message>
    <message>
        <source>Sub-goals</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Tick when done · Ctrl+Up/Down or drag to reorder</source>
        <translation>Sæt flueben, når et delmål er nået · Ctrl+Op/Ned eller træk for at flytte</translation>
    </message>
    <message>
        <source>no theme</source>
        <translation>intet tema</translation>
    </message>
    <message>
        <source>start {date}</source>
        <translation>start {date}</translation>
    </message>
    <message>
        <source>review {date}</source>
        <translation>opfølgning {date}</translation>
    </message>
</context>
<context>
    <name>GoalDialog</name>
    <message>
        <source>Edit goal</source>
        <translation>Ret mål</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nyt mål</translation>
    </message>
    <message>
        <source>In the citizen's own words</source>
        <translation>Med borgerens egne ord</translation>
    </message>
    <message>
        <source>(choose a theme)</source>
        <translation>(vælg et tema)</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Startdato</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Opfølgningsdato</translation>
    </message>
    <message>
        <source>(no grant)</source>
        <translation>(ingen bevilling)</translation>
    </message>
    <message>
        <source>&amp;Goal:</source>
        <translation>&amp;Mål:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivelse:</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Tema:</translation>
    </message>
    <message>
        <source>S&amp;ub-theme:</source>
        <translation>&amp;Undertema:</translation>
    </message>
    <message>
        <source>Goal t&amp;ype:</source>
        <translation>Mål&amp;type:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>St&amp;art date:</source>
        <translation>St&amp;artdato:</translation>
    </message>
    <message>
        <source>&amp;Review date:</source>
        <translation>&amp;Opfølgningsdato:</translation>
    </message>
    <message>
        <source>G&amp;rant:</source>
        <translation>Be&amp;villing:</translation>
    </message>
    <message>
        <source>(no sub-theme)</source>
        <translation>(intet undertema)</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Sub-theme</source>
        <translation>Undertema</translation>
    </message>
    <message>
        <source>Goal type</source>
        <translation>Måltype</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Bevilling</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
</context>
<context>
    <name>LevelChart</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Level (0 = best)</source>
        <translation>Niveau (0 = bedst)</translation>
    </message>
    <message>
        <source>No levels assessed yet</source>
        <translation>Ingen niveauer vurderet endnu</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Search citizens…</source>
        <translation>Søg borger…</translation>
    </message>
    <message>
        <source>Choose a citizen on the left to see their action plan.</source>
        <translation>Vælg en borger til venstre for at se borgerens handleplan.</translation>
    </message>
    <message>
        <source>&amp;Citizen:</source>
        <translation>&amp;Borger:</translation>
    </message>
    <message>
        <source>Loading citizens…</source>
        <translation>Henter borgere…</translation>
    </message>
</context>
<context>
    <name>PlanPdfExport</name>
    <message>
        <source>Print action plan (PDF)</source>
        <translation>Udskriv handleplan (PDF)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokumenter (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the action plan…</source>
        <translation>Skriver handleplanen…</translation>
    </message>
</context>
<context>
    <name>PlanWidget</name>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Måltype</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>First level</source>
        <translation>Første niveau</translation>
    </message>
    <message>
        <source>Latest level</source>
        <translation>Seneste niveau</translation>
    </message>
    <message>
        <source>Review date</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>The review date has passed.</source>
        <translation>Opfølgningsdatoen er overskredet.</translation>
    </message>
    <message>
        <source>New goal (Ctrl+N)</source>
        <translation>Nyt mål (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit goal (Enter)</source>
        <translation>Ret mål (Enter)</translation>
    </message>
    <message>
        <source>Delete goal</source>
        <translation>Slet mål</translation>
    </message>
    <message>
        <source>Complete evaluation…</source>
        <translation>Gennemfør evaluering…</translation>
    </message>
    <message>
        <source>Print action plan (PDF)…</source>
        <translation>Udskriv handleplan (PDF)…</translation>
    </message>
    <message>
        <source>No goals yet. Write the first goal together with the citizen, in their own words (Ctrl+N).</source>
        <translation>Ingen mål endnu. Skriv det første mål sammen med borgeren, med borgerens egne ord (Ctrl+N).</translation>
    </message>
    <message>
        <source>Action plan saved: {path}</source>
        <translation>Handleplanen er gemt: {path}</translation>
    </message>
    <message>
        <source>Loading the action plan…</source>
        <translation>Henter handleplanen…</translation>
    </message>
    <message>
        <source>Loading the goal's history…</source>
        <translation>Henter målets historik…</translation>
    </message>
    <message>
        <source>Deleting the goal…</source>
        <translation>Sletter målet…</translation>
    </message>
    <message>
        <source>Delete the goal "{title}" with its sub-goals and assessments? Its history is kept.</source>
        <translation>Slet målet »{title}« med delmål og vurderinger? Historikken bevares.</translation>
    </message>
</context>
<context>
    <name>StepActions</name>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Sletter…</translation>
    </message>
    <message>
        <source>Delete the sub-goal "{text}"? It stays in the goal's history.</source>
        <translation>Slet delmålet »{text}«? Det kan stadig ses i målets historik.</translation>
    </message>
    <message>
        <source>Delete the assessment of {date}? It stays in the goal's history.</source>
        <translation>Slet vurderingen fra {date}? Den kan stadig ses i målets historik.</translation>
    </message>
</context>
<context>
    <name>SubGoalDialog</name>
    <message>
        <source>Edit sub-goal</source>
        <translation>Ret delmål</translation>
    </message>
    <message>
        <source>New sub-goal</source>
        <translation>Nyt delmål</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Done date</source>
        <translation>Udført dato</translation>
    </message>
    <message>
        <source>&amp;Sub-goal:</source>
        <translation>&amp;Delmål:</translation>
    </message>
    <message>
        <source>&amp;Deadline:</source>
        <translation>&amp;Frist:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>D&amp;one date:</source>
        <translation>&amp;Udført dato:</translation>
    </message>
    <message>
        <source>Sub-goal</source>
        <translation>Delmål</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
</context>
<context>
    <name>SubGoalList</name>
    <message>
        <source>Space: done · Enter: edit · Insert: new · Delete: delete · Ctrl+Up/Ctrl+Down or drag: reorder</source>
        <translation>Mellemrum: udført · Enter: ret · Insert: nyt · Delete: slet · Ctrl+Op/Ctrl+Ned eller træk: flyt</translation>
    </message>
    <message>
        <source>deadline {date}</source>
        <translation>frist {date}</translation>
    </message>
    <message>
        <source>done {date}</source>
        <translation>udført {date}</translation>
    </message>
</context>
<context>
    <name>LinkContactsDialog</name>
    <message>
        <source>Linking…</source>
        <translation>Tilknytter…</translation>
    </message>
    <message>
        <source>Loading contacts…</source>
        <translation>Henter kontakter…</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Tilknyt</translation>
    </message>
    <message>
        <source>All of the citizen's recent contacts are already linked to this goal.</source>
        <translation>Alle borgerens seneste kontakter er allerede knyttet til dette mål.</translation>
    </message>
    <message>
        <source>Tick the contacts that worked on "{title}". The citizen's newest contacts that are not linked yet are shown.</source>
        <translation>Sæt flueben ved de kontakter, der har arbejdet med "{title}". Borgerens nyeste kontakter, som ikke er knyttet til endnu, vises.</translation>
    </message>
    <message>
        <source>Link contacts to the goal</source>
        <translation>Tilknyt kontakter til målet</translation>
    </message>
</context>
<context>
    <name>ContactLinks</name>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>Remove the link between the contact of {date} ({form}) and this goal? The contact itself stays in the journal.</source>
        <translation>Fjern tilknytningen mellem kontakten den {date} ({form}) og dette mål? Selve kontakten bliver i journalen.</translation>
    </message>
</context>
</TS>
