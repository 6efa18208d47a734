<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import citizen list</source>
        <translation>Importér borgerliste</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Choose the citizen list</source>
        <translation>Vælg borgerlisten</translation>
    </message>
    <message>
        <source>An Excel file (.xlsx) or a CSV file whose first row holds the column headings, e.g. Navn, CPR, Mentor, Lovgrundlag, Startdato and Timer pr. uge.</source>
        <translation>En Excel-fil (.xlsx) eller en CSV-fil, hvor første række har kolonneoverskrifterne, fx Navn, CPR, Mentor, Lovgrundlag, Startdato og Timer pr. uge.</translation>
    </message>
    <message>
        <source>Path to the file</source>
        <translation>Sti til filen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Vælg…</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv);;All files (*)</source>
        <translation>Regneark (*.xlsx *.csv);;Alle filer (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Læser filen…</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Match the columns</source>
        <translation>Vælg kolonnernes indhold</translation>
    </message>
    <message>
        <source>Choose what each column holds. Recognised headings are chosen already; columns set to "Do not import" are left out.</source>
        <translation>Vælg, hvad hver kolonne indeholder. Genkendte overskrifter er valgt på forhånd; kolonner med "Importér ikke" springes over.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Kolonne i filen</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Eksempel</translation>
    </message>
    <message>
        <source>Field in MentorDesk</source>
        <translation>Felt i MentorDesk</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>Importér ikke</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n of the file's rows.</source>
        <translation>
            <numerusform>Viser %n af filens rækker.</numerusform>
            <numerusform>Viser %n af filens rækker.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file has %n row(s) of citizens.</source>
        <translation>
            <numerusform>Filen har %n række med borgere.</numerusform>
            <numerusform>Filen har %n rækker med borgere.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCheckPage</name>
    <message>
        <source>Check the rows</source>
        <translation>Kontrol af rækkerne</translation>
    </message>
    <message>
        <source>Nothing is imported while a row has errors. Correct them in the file, save it and read it again.</source>
        <translation>Intet importeres, så længe en række har fejl. Ret dem i filen, gem den, og læs den igen.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importér</translation>
    </message>
    <message>
        <source>Read the file again</source>
        <translation>Læs filen igen</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>Kontrollerer rækkerne…</translation>
    </message>
    <message>
        <source>The column headings in the file have changed. Go back and choose the fields again.</source>
        <translation>Kolonneoverskrifterne i filen er ændret. Gå tilbage, og vælg felterne igen.</translation>
    </message>
    <message numerus="yes">
        <source>%n citizen(s) ready to import.</source>
        <translation>
            <numerusform>%n borger er klar til import.</numerusform>
            <numerusform>%n borgere er klar til import.</numerusform>
        </translation>
    </message>
    <message>
        <source>{grants} with a grant, {mentors} with a primary mentor.</source>
        <translation>{grants} med bevilling, {mentors} med primær mentor.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have errors. Nothing can be imported until they are corrected.</source>
        <translation>
            <numerusform>%n række har fejl. Intet kan importeres, før de er rettet.</numerusform>
            <numerusform>%n rækker har fejl. Intet kan importeres, før de er rettet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing the citizens…</source>
        <translation>Importerer borgerne…</translation>
    </message>
</context>
<context>
    <name>ImportDonePage</name>
    <message>
        <source>Import finished</source>
        <translation>Importen er gennemført</translation>
    </message>
    <message numerus="yes">
        <source>%n citizen(s) imported from {file}.</source>
        <translation>
            <numerusform>%n borger er importeret fra {file}.</numerusform>
            <numerusform>%n borgere er importeret fra {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{grants} with a grant, {mentors} with a primary mentor. The citizens are now in the list under Citizens.</source>
        <translation>{grants} med bevilling, {mentors} med primær mentor. Borgerne står nu på listen under Borgere.</translation>
    </message>
</context>
</TS>
