<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>DeadlinesTableModel</name>
    <message>
        <source>Due</source>
        <translation>Forfald</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>i morgen</translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>om %n dag</numerusform>
            <numerusform>om %n dage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n dag over</numerusform>
            <numerusform>%n dage over</numerusform>
        </translation>
    </message>
    <message>
        <source>{alias} (anonymous)</source>
        <translation>{alias} (anonym)</translation>
    </message>
    <message>
        <source>No primary mentor</source>
        <translation>Ingen primær mentor</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <source>My citizens</source>
        <translation>Mine borgere</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Teamet</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Opdatér (F5)</translation>
    </message>
    <message>
        <source>Red: overdue. Bold: due this week. Double-click or press Enter to open the citizen.</source>
        <translation>Rød: overskredet. Fed: forfalder i denne uge. Dobbeltklik eller tryk Enter for at åbne borgeren.</translation>
    </message>
    <message>
        <source>Loading deadlines…</source>
        <translation>Henter frister…</translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s)</source>
        <translation>
            <numerusform>%n frist</numerusform>
            <numerusform>%n frister</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overskredet</numerusform>
            <numerusform>%n overskredet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No deadlines in the next %n day(s)</source>
        <translation>
            <numerusform>Ingen frister den næste %n dag</numerusform>
            <numerusform>Ingen frister de næste %n dage</numerusform>
        </translation>
    </message>
</context>
</TS>
